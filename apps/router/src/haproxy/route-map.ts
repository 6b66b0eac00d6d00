import type { HttpsFlags } from "../route-entries.ts";

/** Map entries (host → value) as HAProxy keys them: lowercase, in a stable order (an unchanged map is not resent). */
export function mapEntries(values: ReadonlyMap<string, string>): Array<[key: string, value: string]> {
  return [...values]
    .map(([host, value]): [string, string] => [host.toLowerCase(), value])
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

const FLAG_CODES: Record<HttpsFlags, string> = { redirect: "r", hsts: "h", "redirect+hsts": "rh" };

/**
 * The host map with each host's HTTPS flags in its value, so that one lookup per request says both where it goes and
 * how (config.ts): `d3|r` (plain HTTP redirects to HTTPS), `d3|h` (HTTPS answers carry HSTS), `d3|rh`. A split
 * host carries them on both of its slots (whichever version serves, the flags stay); a redirect to another domain
 * carries none (it goes straight to its target).
 */
export function withHttpsFlags(
  routes: ReadonlyMap<string, string>,
  https: ReadonlyMap<string, HttpsFlags>,
): Map<string, string> {
  const flagged = new Map<string, string>();
  for (const [host, value] of routes) {
    const flags = https.get(host);
    if (!flags || /^r\d{3}:/.test(value)) {
      flagged.set(host, value);
      continue;
    }
    const suffix = `|${FLAG_CODES[flags]}`;
    if (!value.startsWith("w:")) {
      flagged.set(host, value + suffix);
      continue;
    }
    const fields = value.split(":");
    fields[3] += suffix;
    fields[5] += suffix;
    flagged.set(host, fields.join(":"));
  }
  return flagged;
}
