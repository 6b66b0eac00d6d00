export type Resolution =
  | { kind: "upstream"; port: number; label: string }
  | { kind: "down"; label: string }
  | { kind: "unknown"; host: string };

/** label → upstream port on 127.0.0.1, or null when the app exists but nothing healthy serves it. */
export type RouteEntries = Map<string, number | null>;

/**
 * Host → upstream lookup. Replaced whole on every reload (one reference swap), so a request
 * never sees half a table: that is what makes a production switch atomic.
 */
export class RouteTable {
  private readonly suffix: string;

  constructor(
    domain: string,
    private readonly entries: RouteEntries = new Map(),
  ) {
    this.suffix = `.${domain.toLowerCase()}`;
  }

  get size(): number {
    return this.entries.size;
  }

  resolve(hostHeader: string | undefined): Resolution {
    const host = (hostHeader ?? "").toLowerCase().replace(/:\d+$/, "").replace(/\.$/, "");
    if (!host.endsWith(this.suffix)) return { kind: "unknown", host };
    const label = host.slice(0, -this.suffix.length);
    if (label.includes(".")) return { kind: "unknown", host };
    const port = this.entries.get(label);
    if (port === undefined) return { kind: "unknown", host };
    return port === null ? { kind: "down", label } : { kind: "upstream", port, label };
  }
}
