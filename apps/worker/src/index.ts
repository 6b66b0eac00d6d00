export { createDeployWorker, type DeployWorkerOptions } from "./deploy-worker.ts";
