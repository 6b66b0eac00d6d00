import {
  ACTIVATOR,
  API_BACKEND,
  isSplit,
  type RouteEntries,
  type RouteEntry,
  type SplitEntry,
  splitEndpoint,
} from "../route-entries.ts";

/** Backend `d<i>` holds up to `serversPerSlot` servers `s<j>`, all disabled until the control plane fills them. */
export const slotName = (slot: number) => `d${slot}`;
export const serverName = (index: number) => `s${index}`;

export interface SlotPlan {
  /** Runtime API commands that fill the slots newly in use (run before the map points at them). */
  fill: string[];
  /**
   * host → map value: `d<slot>`, `w:<share>:<version>:d<slot>:<version>:d<slot>` (a split, see config.ts),
   * "activator", "api", `r<status>:<url>` (a redirect), or "0" (503).
   */
  routes: Map<string, string>;
  /** Hosts left unrouted (503) because every slot is taken: the caller says so, naming PIER_ROUTER_SLOTS. */
  unrouted: string[];
}

/**
 * Gives every distinct set of upstream endpoints (one deployment's replicas) a pre-declared HAProxy backend,
 * so HAProxy balances across replicas, health-checks them, and retries a refused connection on another
 * replica (`option redispatch`): losing a replica fails no request. A set keeps its slot while it is
 * routed; when the set changes (a replica replaced, scaled), the new set takes a fresh slot and the map
 * swap moves traffic to it atomically. The old slot is left as it is — a request that read the old map a
 * moment before the swap still finds its servers — and is only refilled when it is reused, much later.
 */
export class BackendSlots {
  private readonly slotOfSet = new Map<string, number>();
  private readonly free: number[];
  /** Released slots wait here until their counters were read (recycle()), so no traffic is misattributed. */
  private readonly cooling: number[] = [];

  constructor(
    readonly slotCount: number,
    readonly serversPerSlot: number,
  ) {
    this.free = Array.from({ length: slotCount }, (_, i) => slotCount - 1 - i);
  }

  plan(entries: RouteEntries): SlotPlan {
    const fill: string[] = [];
    const routes = new Map<string, string>();
    const wanted = new Map<string, string[]>();
    const want = (endpoints: string[]) => {
      const set = [...endpoints].sort().slice(0, this.serversPerSlot);
      wanted.set(set.join(","), set);
    };
    for (const [host, entry] of entries) {
      if (isSplit(entry)) for (const version of entry.versions) want(version.endpoints);
      else if (isServed(entry)) want(entry);
      else routes.set(host, fixedMapValue(entry));
    }
    const released: number[] = [];
    for (const [key, slot] of this.slotOfSet) {
      if (wanted.has(key)) continue;
      this.slotOfSet.delete(key);
      released.push(slot);
    }
    for (const [key, endpoints] of wanted) {
      if (this.slotOfSet.has(key)) continue;
      // Out of slots: the rest answer 503 rather than the whole router failing (it would take every app down).
      const slot = this.free.pop();
      if (slot === undefined) continue;
      this.slotOfSet.set(key, slot);
      const backend = slotName(slot);
      for (let index = 0; index < this.serversPerSlot; index++) {
        const server = `${backend}/${serverName(index)}`;
        const endpoint = endpoints[index];
        // Already health-checked by Pier before it was routed: up at once, then HAProxy's own checks take
        // over. Servers beyond the set (left from the slot's last use) go out of service.
        if (endpoint === undefined) {
          fill.push(`set server ${server} state maint`);
          continue;
        }
        const { address, port } = splitEndpoint(endpoint);
        fill.push(
          `set server ${server} addr ${address} port ${port}`,
          `set server ${server} state ready`,
          `set server ${server} health up`,
        );
      }
    }
    const unrouted: string[] = [];
    const slotOf = (endpoints: string[]) =>
      this.slotOfSet.get([...endpoints].sort().slice(0, this.serversPerSlot).join(","));
    for (const [host, entry] of entries) {
      if (!isSplit(entry) && !isServed(entry)) continue;
      const value = isSplit(entry) ? splitMapValue(entry, slotOf) : mapValueOfSlot(slotOf(entry));
      if (value === "0") unrouted.push(host);
      routes.set(host, value);
    }
    this.cooling.push(...released);
    return { fill, routes, unrouted };
  }

  /** Released slots not yet put back in use. */
  coolingSlots(): readonly number[] {
    return this.cooling;
  }

  /**
   * Released slots, to be put back in use once their counters were read: the commands that take their
   * servers out of service (so no late health check of an old address touches a reused slot), and
   * `done()`, to call only once those commands ran — before that, no plan can hand these slots out.
   * A `busy` slot stays as it is: a request that took it before the map swap may still be on it, waiting to
   * connect to a replica that vanished, and its retry must find the slot's other servers in service.
   */
  recycle(busy: ReadonlySet<number> = new Set()): { commands: string[]; done(): void } {
    const slots = this.cooling.filter((slot) => !busy.has(slot));
    this.cooling.splice(0, this.cooling.length, ...this.cooling.filter((slot) => busy.has(slot)));
    return {
      commands: slots.flatMap((slot) =>
        Array.from(
          { length: this.serversPerSlot },
          (_, i) => `set server ${slotName(slot)}/${serverName(i)} state maint`,
        ),
      ),
      done: () => this.free.unshift(...slots),
    };
  }

  /** slot → the endpoints it serves, for every slot in use. */
  endpointsBySlot(): Map<number, string[]> {
    return new Map([...this.slotOfSet].map(([key, slot]) => [slot, key.split(",")]));
  }
}

const isServed = (entry: RouteEntry): entry is string[] => Array.isArray(entry) && entry.length > 0;

const mapValueOfSlot = (slot: number | undefined) => (slot === undefined ? "0" : slotName(slot));

/**
 * A split host's map value: `w:<share>:<version>:d<slot>:<version>:d<slot>` (the first version gets `share` % of
 * new clients). A version left without a slot (all taken) leaves the other one serving the host alone.
 */
function splitMapValue(entry: SplitEntry, slotOf: (endpoints: string[]) => number | undefined): string {
  const [first, second] = entry.versions;
  const [firstSlot, secondSlot] = [slotOf(first.endpoints), slotOf(second.endpoints)];
  if (firstSlot === undefined || secondSlot === undefined) return mapValueOfSlot(firstSlot ?? secondSlot);
  return `w:${entry.share}:${first.id}:${slotName(firstSlot)}:${second.id}:${slotName(secondSlot)}`;
}

/** The map value of a host no backend slot serves: the activator, the API, a redirect, or "0" (503). */
function fixedMapValue(entry: RouteEntry): string {
  if (entry === ACTIVATOR || entry === API_BACKEND) return entry;
  if (entry && !Array.isArray(entry) && !isSplit(entry)) return `r${entry.status}:${entry.redirect}`;
  return "0";
}
