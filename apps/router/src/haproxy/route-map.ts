/** Map entries (host → value) as HAProxy keys them: lowercase, in a stable order (an unchanged map is not resent). */
export function mapEntries(values: ReadonlyMap<string, string>): Array<[key: string, value: string]> {
  return [...values]
    .map(([host, value]): [string, string] => [host.toLowerCase(), value])
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
