export { cancelAllQueued, cancelQueued, isTerminal, markFailed, markReady, requeue, startBuilding, startDeploying } from "./deployment-status.ts";
