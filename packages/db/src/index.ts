export { createPrismaClient } from "./client.ts";
export { PrismaClient, Prisma } from "./generated/prisma/client.ts";
export type {
  App,
  Deployment,
  BuildLog,
  EnvVar,
  Release,
  ApiToken,
  ReplicaState,
  MetricSample,
  NotificationChannel,
  NotificationDelivery,
  AuditEvent,
  Domain,
  Certificate,
  AppCredential,
  GithubAppSettings,
  WebhookDelivery,
  FeatureFlag,
  DeploySchedule,
  Rollout,
} from "./generated/prisma/client.ts";
export {
  DeploymentStatus,
  Trigger,
  ReleaseKind,
  ReplicaPhase,
  CredentialKind,
  DeliveryOutcome,
  RolloutState,
} from "./generated/prisma/enums.ts";
export { ensureDatabase } from "./migrate/ensure-database.ts";
export { migrateDeploy } from "./migrate/deploy.ts";
export { isDatabaseUnavailable } from "./database-unavailable.ts";
export { rotateSecrets, type SecretSealer } from "./rotate-secrets.ts";
