/** A replica as a node-loss alert names it. */
export interface ReplicaOnNode {
  app: string;
  replica: number;
  container: string;
}

/** A node as one look at the swarm saw it, with the replicas running on it then. */
export interface ObservedNode {
  id: string;
  name: string;
  address: string;
  /** Swarm's node state: "ready", "down", "disconnected", "unknown". */
  state: string;
  replicas: ReplicaOnNode[];
}

/** What the watch remembers of a node between looks. */
export interface NodeRecord {
  id: string;
  name: string;
  address: string;
  /** true: ready; false: down, disconnected or gone; null: never seen either way yet. */
  up: boolean | null;
  /** The replicas seen on it the last time it was up: those it took down with it. */
  replicas: ReplicaOnNode[];
}

export interface NodeTransitions {
  records: Map<string, NodeRecord>;
  /** Nodes that were up and are now down, disconnected or gone from the swarm, with the replicas that were on them. */
  lost: NodeRecord[];
  /** Nodes that were lost and are ready again. */
  back: NodeRecord[];
}

/** States that say a node is lost. "unknown" says nothing yet (a manager that just restarted): the last word stands. */
const LOST_STATES = new Set(["down", "disconnected"]);

function upOf(state: string, before: boolean | null): boolean | null {
  if (state === "ready") return true;
  if (LOST_STATES.has(state)) return false;
  return before;
}

/**
 * Compares one look at the swarm's nodes with what the watch remembered: which nodes were lost since (ready before,
 * now down, disconnected or missing from the list) and which came back ready. A node seen for the first time is
 * only remembered, so a controller that starts next to a node already down says nothing of it.
 */
export function nodeTransitions(previous: Map<string, NodeRecord>, observed: ObservedNode[]): NodeTransitions {
  const records = new Map<string, NodeRecord>();
  const lost: NodeRecord[] = [];
  const back: NodeRecord[] = [];
  for (const node of observed) {
    const before = previous.get(node.id);
    const up = upOf(node.state, before?.up ?? null);
    const replicas = up === true ? node.replicas : (before?.replicas ?? []);
    const record: NodeRecord = { id: node.id, name: node.name, address: node.address, up, replicas };
    records.set(node.id, record);
    if (before?.up === true && up === false) lost.push(record);
    if (before?.up === false && up === true) back.push(record);
  }
  for (const [id, before] of previous) {
    if (records.has(id)) continue;
    // Gone from the list (removed from the swarm): remembered as lost, so its return is told too.
    const record = { ...before, up: before.up === null ? null : false };
    records.set(id, record);
    if (before.up === true) lost.push(record);
  }
  return { records, lost, back };
}
