/**
 * `Web.Example.com.:8080` → the route table key serving that host, as HAProxy looks it up: the host itself
 * (lowercase, no port, no trailing dot), else its wildcard domain (`*.example.com`); null when neither is routed.
 */
export function routeKeyOf(hostHeader: string, isRouted: (key: string) => boolean): string | null {
  const host = (hostHeader.split(":")[0] ?? "").toLowerCase().replace(/\.$/, "");
  if (host && isRouted(host)) return host;
  const wildcard = host.replace(/^[^.]*/, "*");
  return wildcard !== host && isRouted(wildcard) ? wildcard : null;
}
