import { LABELS } from "./statuses.ts";

/** The replica number a container carries (1 for a deployment's first or only one). */
export const replicaIndexOf = (labels: Record<string, string>): number => Number(labels[LABELS.replica] ?? "1");

/**
 * The one rule for "this container serves its replica", shared by the router (what it sends traffic to)
 * and the API (what it reports as running): it runs, it is the container the controller recorded for
 * that replica (when it recorded one; a replacement serves only once healthy), and, for production,
 * its replica is within the desired count (the ones above are draining).
 */
/**
 * Someone other than the controller ran an app's pass (the API's scale) and left work only the controller does
 * (a lost image to rebuild): it looks at the app now rather than at its next sweep (payload: app id).
 */
export const RECONCILE_CHANNEL = "pier:reconcile";

export function servesReplica(
  container: { id: string; running: boolean },
  recordedContainerId: string | null | undefined,
  index: number,
  desired: number = Infinity,
): boolean {
  if (!container.running) return false;
  if (recordedContainerId !== undefined && recordedContainerId !== container.id) return false;
  return index <= desired;
}
