/** `web.example.com:8080` → `web` for domain example.com (as HAProxy's map key is built); null for another domain. */
export function labelOfHost(host: string, domain: string): string | null {
  const name = (host.split(":")[0] ?? "").toLowerCase().replace(/\.$/, "");
  const suffix = `.${domain.toLowerCase()}`;
  return name.endsWith(suffix) && name.length > suffix.length ? name.slice(0, -suffix.length) : null;
}
