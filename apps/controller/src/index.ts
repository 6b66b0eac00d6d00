export { startController, type Controller, type ControllerDeps } from "./controller.ts";
export { endStuckDeployments } from "./stuck-deployments.ts";
