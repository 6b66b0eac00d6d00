import type { PrismaClient } from "@pier/db";
import type { HostMemory } from "@pier/runtime";

/** A measurement older than this says nothing about what the replicas use now. */
const MEASURED_WITHIN_MS = 10 * 60_000;

/**
 * What one replica of an app is counted as needing when it is admitted (its memory request, as a
 * Kubernetes scheduler counts requests, not limits), and where that figure came from.
 */
export interface MemoryNeed {
  mb: number;
  /** request: the app's memoryRequestMb; measured: what its replicas use now; limit: nothing measured yet. */
  source: "request" | "measured" | "limit";
}

/**
 * An app's memory need per replica: the request its owner set, else what its replicas used at the last
 * resource sample (whole app ÷ replicas), else its limit (a new app: nothing is known, so the cap).
 * Never more than the limit: a replica can't use more than its cap.
 */
export async function memoryNeedOf(
  prisma: PrismaClient,
  app: { id: string; memoryRequestMb: number | null },
  limitMb: number,
  now = new Date(),
): Promise<MemoryNeed> {
  if (app.memoryRequestMb !== null) return { mb: Math.min(app.memoryRequestMb, limitMb), source: "request" };
  const sample = await prisma.metricSample.findFirst({
    where: {
      appId: app.id,
      source: "controller",
      replicas: { gt: 0 },
      memoryBytes: { not: null },
      at: { gte: new Date(now.getTime() - MEASURED_WITHIN_MS) },
    },
    orderBy: { at: "desc" },
    select: { memoryBytes: true, replicas: true },
  });
  if (!sample?.memoryBytes) return { mb: limitMb, source: "limit" };
  const perReplicaMb = Math.ceil(Number(sample.memoryBytes) / sample.replicas / (1024 * 1024));
  return { mb: Math.min(Math.max(1, perReplicaMb), limitMb), source: "measured" };
}

export interface Admission {
  /** How many of the replicas asked for fit (all of them when nothing held it back). */
  replicas: number;
  /** When fewer fit than were asked for: which figure held them back, in a sentence. */
  heldBack: string | null;
}

const NEED_SOURCE: Record<MemoryNeed["source"], string> = {
  request: "its memory request",
  measured: "what its replicas use now",
  limit: "its memory limit: nothing measured yet",
};

/**
 * How many more replicas fit on the machine: the memory it has available now (MemAvailable, which
 * already counts what every running container really uses), less the reserve Pier keeps for itself and
 * its databases, divided by what one replica needs. Limits stay each container's cap; they are not
 * what admission counts. The same rule for the autoscaler, a scale by hand and a new deployment.
 */
export function admit(memory: HostMemory, reservedMb: number, need: MemoryNeed, wanted: number): Admission {
  const roomMb = Math.max(0, memory.availableMb - reservedMb);
  const fit = Math.floor(roomMb / Math.max(1, need.mb));
  if (fit >= wanted) return { replicas: wanted, heldBack: null };
  return {
    replicas: Math.max(0, fit),
    heldBack:
      `not enough memory: ${memory.availableMb} MB available on the machine (of ${memory.totalMb} MB), ` +
      `${reservedMb} MB kept in reserve (PIER_RESERVED_MEMORY_MB), leaving ${roomMb} MB: room for ${fit} of ` +
      `${wanted} more replica(s) needing ${need.mb} MB each (${NEED_SOURCE[need.source]})`,
  };
}

/** Admission for `wanted` more replicas of an app, on the machine's memory now. */
export async function admitMore(
  deps: {
    prisma: PrismaClient;
    runtime: { hostMemory(): Promise<HostMemory> };
    config: { PIER_RESERVED_MEMORY_MB: number };
  },
  app: { id: string; memoryRequestMb: number | null },
  limitMb: number,
  wanted: number,
): Promise<Admission> {
  if (wanted <= 0) return { replicas: 0, heldBack: null };
  const [memory, need] = await Promise.all([deps.runtime.hostMemory(), memoryNeedOf(deps.prisma, app, limitMb)]);
  return admit(memory, deps.config.PIER_RESERVED_MEMORY_MB, need, wanted);
}
