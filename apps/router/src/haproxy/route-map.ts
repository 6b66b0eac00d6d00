/**
 * The host map as HAProxy map entries, keyed by the full host name: `<label>.<domain>` → the backend
 * slot serving it (`d<i>`), or "0" when the app exists but nothing runs (503).
 */
export function routeMapEntries(
  routes: ReadonlyMap<string, string>,
  domain: string,
): Array<[key: string, value: string]> {
  return [...routes].map(([label, value]) => [`${label}.${domain}`.toLowerCase(), value]);
}
