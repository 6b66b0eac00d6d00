export type Resolution =
  | { kind: "upstream"; port: number; label: string }
  | { kind: "down"; label: string }
  | { kind: "unknown"; host: string };

/** label → upstream ports on 127.0.0.1 (one per replica), or null when the app exists but nothing serves it. */
export type RouteEntries = Map<string, number[] | null>;

/**
 * Host → upstream lookup. Replaced whole on every reload (one reference swap), so a request
 * never sees half a table: that is what makes a production switch atomic.
 */
export class RouteTable {
  private readonly suffix: string;
  /** Round-robin position per label, so replicas share the traffic. */
  private readonly turns = new Map<string, number>();

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
    const ports = this.entries.get(label);
    if (ports === undefined) return { kind: "unknown", host };
    if (ports === null || ports.length === 0) return { kind: "down", label };
    const turn = this.turns.get(label) ?? 0;
    this.turns.set(label, turn + 1);
    return { kind: "upstream", port: ports[turn % ports.length]!, label };
  }
}
