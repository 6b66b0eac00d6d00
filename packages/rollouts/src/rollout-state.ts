import type { Prisma, PrismaClient, Rollout, RolloutState } from "@pier/db";
import { acquireLock, type RedisLock } from "@pier/redis";
import { randomBytes } from "node:crypto";
import type { Redis } from "ioredis";
import { RolloutError } from "./errors.ts";

/** A rollout in one of these states splits traffic (the route table reads it); an app has at most one. */
export const ACTIVE_ROLLOUT_STATES = ["RUNNING", "PAUSED"] as const satisfies readonly RolloutState[];

/**
 * Every change of a rollout's state, step or weight: under its app's row lock (the one production switches and
 * startRollout take), and only from the states given (null when it had moved on: someone else changed it first).
 */
export async function changeRollout(
  prisma: PrismaClient,
  rollout: Pick<Rollout, "id" | "appId">,
  from: readonly RolloutState[],
  data: Prisma.RolloutUpdateInput,
): Promise<Rollout | null> {
  return prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT 1 FROM "App" WHERE "id" = ${rollout.appId} FOR UPDATE`;
    const changed = await tx.rollout.updateMany({ where: { id: rollout.id, state: { in: [...from] } }, data });
    if (changed.count === 0) return null;
    return tx.rollout.findUniqueOrThrow({ where: { id: rollout.id } });
  });
}

const lockKey = (appId: string) => `pier:lock:rollout:${appId}`;
const owner = () => `rollout:${process.pid}:${randomBytes(4).toString("hex")}`;

/**
 * One decision about an app's rollout at a time, across the API and every controller: a promotion (a production
 * switch, then SUCCEEDED) never interleaves with an abort. Waits up to `waitMs` for the lock (0: try once, null
 * when someone holds it).
 */
export async function withRolloutLock<T>(
  redis: Redis,
  appId: string,
  waitMs: number,
  work: () => Promise<T>,
): Promise<T | null> {
  const lock: RedisLock | null = await acquireLock(redis, lockKey(appId), owner(), waitMs);
  if (!lock) return null;
  try {
    return await work();
  } finally {
    await lock.release();
  }
}

/** The app's running or paused rollout, if any. */
export async function activeRollout(prisma: PrismaClient, appId: string): Promise<Rollout | null> {
  return prisma.rollout.findFirst({ where: { appId, state: { in: [...ACTIVE_ROLLOUT_STATES] } } });
}

/** The app's rollout with this id, or RolloutError not_found. */
export async function rolloutOf(prisma: PrismaClient, appId: string, rolloutId: string): Promise<Rollout> {
  const rollout = await prisma.rollout.findFirst({ where: { id: rolloutId, appId } });
  if (!rollout) throw new RolloutError("not_found", `the app has no rollout ${rolloutId}`, "id");
  return rollout;
}
