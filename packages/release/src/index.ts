export type { ReleaseDeps } from "./deps.ts";
export { ReleaseError, type ReleaseErrorCode } from "./errors.ts";
export { waitUntilHealthy, type HealthCheckResult } from "./health-check.ts";
export { startDeploymentContainer, containerName } from "./start-container.ts";
export { switchProduction, type SwitchResult } from "./switch-production.ts";
export { announceRouteChange, waitForRouter } from "./routes-signal.ts";
export { settleAppContainers, type SettleResult } from "./settle.ts";
export { pruneOldDeployments, type PrunedDeployment } from "./retention.ts";
export { promoteDeployment, type PromoteResult } from "./promote.ts";
