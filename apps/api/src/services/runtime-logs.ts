import type { App } from "@pier/db";
import type { ContainerInfo } from "@pier/runtime";
import { LABELS, openEnvVars, replicaIndexOf, servesReplica } from "@pier/shared";
import type { Readable } from "node:stream";
import { AppError } from "../errors.ts";
import type { PierDeps } from "../plugins/app/deps.ts";
import { redactedLines } from "./redacted-lines.ts";

/** One line of an app's own output: when the engine read it, and which production replica wrote it. */
export interface RuntimeLogLine {
  /** RFC 3339 with nanoseconds, as the engine stamped it; null for a line it didn't stamp. */
  at: string | null;
  replica: number;
  container: string;
  line: string;
}

/** A production replica whose output can be read: its index and its container (running or the last one). */
export interface ReplicaContainer {
  index: number;
  containerId: string;
  name: string;
  running: boolean;
}

export interface RuntimeLogSource {
  deploymentId: string;
  replicas: ReplicaContainer[];
  secrets: string[];
}

/**
 * The containers of production's replicas (1 … desired): the one the controller recorded, else a running one,
 * else the newest stopped one, so a replica in a crash loop still shows why it stopped.
 */
async function replicaContainers(deps: PierDeps, app: App, deploymentId: string): Promise<ReplicaContainer[]> {
  const [containers, states] = await Promise.all([
    deps.runtime.listContainers({ [LABELS.deployment]: deploymentId }, { all: true }),
    deps.prisma.replicaState.findMany({ where: { deploymentId } }),
  ]);
  const replicas: ReplicaContainer[] = [];
  for (let index = 1; index <= app.replicas; index++) {
    const mine = containers.filter((c) => replicaIndexOf(c.labels) === index);
    const recorded = states.find((s) => s.index === index)?.containerId;
    const pick: ContainerInfo | undefined =
      mine.find((c) => servesReplica(c, recorded, index)) ?? mine.find((c) => c.running) ?? mine[0];
    if (pick) replicas.push({ index, containerId: pick.id, name: pick.name, running: pick.running });
  }
  return replicas;
}

/** What there is to read of production's output now, or null when no container of it exists. */
export async function currentRuntimeLogSource(deps: PierDeps, app: App): Promise<RuntimeLogSource | null> {
  const deploymentId = app.productionDeploymentId;
  const replicas = deploymentId ? await replicaContainers(deps, app, deploymentId) : [];
  if (!deploymentId || replicas.length === 0) return null;
  // The app's env values never leave in its logs, as in build logs.
  const envVars = openEnvVars(deps.config, await deps.prisma.envVar.findMany({ where: { appId: app.id } }));
  return { deploymentId, replicas, secrets: envVars.map((v) => v.value) };
}

/** What to read for an app's runtime logs; a conflict when nothing runs in production. */
export async function runtimeLogSource(deps: PierDeps, app: App): Promise<RuntimeLogSource> {
  const source = await currentRuntimeLogSource(deps, app);
  if (!source) throw new AppError("conflict", `${app.name} has no production container to read logs from`, "name");
  return source;
}

const STAMPED = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)) (.*)$/s;

/** Splits the engine's "<time> <text>" line. */
export function parseStampedLine(raw: string): { at: string | null; line: string } {
  const match = STAMPED.exec(raw);
  return match ? { at: match[1]!, line: match[2]! } : { at: null, line: raw };
}

/** A sort key for RFC 3339 times whose fractions differ in width (the engine's are fixed, but be sure). */
const sortKey = (at: string | null) =>
  at ? at.replace(/(\.\d+)?(Z|[+-]\d\d:\d\d)$/, (_m, f = "", zone) => `${(f || ".").padEnd(10, "0")}${zone}`) : "";

/** Reads one replica's output line by line, redacted, until the engine ends it (or `stream` is destroyed). */
export async function replicaLines(
  deps: PierDeps,
  replica: ReplicaContainer,
  options: { tail: number; follow: boolean; since?: Date; secrets: string[] },
  onLine: (line: RuntimeLogLine) => void,
  opened: (stream: Readable) => void,
): Promise<void> {
  const since = options.since ? { since: options.since } : {};
  const raw = await deps.runtime.streamContainerLogs(replica.containerId, {
    tail: options.tail,
    follow: options.follow,
    timestamps: true,
    ...since,
  });
  opened(raw);
  const redacted = raw.pipe(redactedLines(options.secrets));
  raw.on("error", (error) => redacted.destroy(error));
  // Destroyed (the viewer left) rather than ended: end the reading too.
  raw.on("close", () => {
    if (!redacted.writableEnded) redacted.end();
  });
  for await (const chunk of redacted as AsyncIterable<Buffer | string>) {
    for (const text of chunk.toString().split("\n")) {
      if (text === "") continue;
      onLine({ ...parseStampedLine(text), replica: replica.index, container: replica.name });
    }
  }
}

/** The last `tail` lines of all replicas together, in the order they were written. */
export async function recentRuntimeLines(
  deps: PierDeps,
  source: RuntimeLogSource,
  tail: number,
): Promise<RuntimeLogLine[]> {
  const lines: RuntimeLogLine[] = [];
  const options = { tail, follow: false, secrets: source.secrets };
  await Promise.all(
    source.replicas.map((r) =>
      replicaLines(
        deps,
        r,
        options,
        (l) => lines.push(l),
        () => {},
      ),
    ),
  );
  // Stable: a replica's lines that share a time keep their order.
  lines.sort((a, b) => (sortKey(a.at) < sortKey(b.at) ? -1 : sortKey(a.at) > sortKey(b.at) ? 1 : 0));
  return lines.slice(Math.max(0, lines.length - tail));
}
