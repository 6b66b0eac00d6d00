/**
 * What Pier tells notification channels about. A channel subscribes to some (or, with none listed, all).
 */
export const NOTIFICATION_EVENTS = [
  "deployment.ready",
  "deployment.failed",
  /** A production container died or was removed, and the controller replaced it. */
  "container.replaced",
  /** A replica keeps dying (3 losses in a row): the controller backs off. */
  "app.crash_loop",
  /** No healthy replica serves production while at least one is desired. */
  "app.down",
  /** Production serves again after app.down or app.crash_loop. */
  "app.recovered",
  /** The error rate (5xx share) over the last minute passed the app's threshold. */
  "alert.error_rate",
  /** p95 latency over the last minute passed the app's threshold. */
  "alert.latency",
  /** Production replicas changed (by hand or by the autoscaler). */
  "app.scaled",
  /** Production's image is gone from the engine: Pier builds it again from the deployment's commit. */
  "image.rebuilding",
  /** The lost image was built again; production's replicas start from it. */
  "image.rebuilt",
  /**
   * The lost image could not be built again (its commit can't be fetched, the build failed): Pier rolled back to
   * the newest earlier deployment whose image exists, or says there is none.
   */
  "image.rebuild_failed",
  /** A certificate was issued or renewed for one of the app's domains. */
  "certificate.issued",
  /** The CA refused a certificate, or it could not be asked: the CA's own error and when Pier tries again. */
  "certificate.failed",
  /** A certificate in service expires within 14 days (renewal keeps failing). */
  "certificate.expiring",
  /**
   * A gradual rollout stopped: its gate failed (the candidate's error rate or p95 over the limits, with the figures)
   * or someone aborted it. All traffic is back on production and the candidate's replicas are stopped.
   */
  "rollout.aborted",
  /** A gradual rollout reached 100 %: its candidate is production. */
  "rollout.succeeded",
  /**
   * A swarm node that was ready is down, disconnected or gone: the replicas that ran on it (Swarm starts them again
   * on the other nodes).
   */
  "node.down",
  /** A node that was lost is ready again. */
  "node.ready",
] as const;
export type NotificationEventName = (typeof NOTIFICATION_EVENTS)[number];

/** One event, as every channel format renders it. */
export interface NotificationEvent {
  event: NotificationEventName;
  /** The app it is about, if any. */
  app?: { id: string; name: string };
  /** One line a person reads first ("web: deployment 3f2a9c1b is live"). */
  summary: string;
  /** Event-specific facts (deployment id, exit code, metric values, from → to). */
  details?: Record<string, unknown>;
  /** When it happened (ISO 8601). */
  at: string;
}
