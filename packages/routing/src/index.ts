export { hasGoneLive, putPreviewLive, servedPreviews, takePreviewDown, type PreviewRoutingDeps } from "./previews.ts";
export {
  buildRouteTable,
  isActivator,
  loadRouteTable,
  type Backend,
  type HttpsPolicy,
  type Route,
  type RouteTableOptions,
  type RoutedApp,
  type RouteTable,
} from "./route-table.ts";
export { announceAndWaitForRouters, announceRouteChange, waitForRouter } from "./signal.ts";
