/** The key of an app's reconcile lock: the API's scale and the controller never act on one app at once. */
export const reconcileLockKey = (appId: string) => `pier:reconcile-lock:${appId}`;
/** Short, so a controller killed mid-reconcile holds up the next one for seconds, not a minute. */
export const RECONCILE_LOCK_TTL_MS = 3_000;
