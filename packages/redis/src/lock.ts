import type { Redis } from "ioredis";

/** How long a lock outlives a holder that died; the holder renews it at a third of that. */
const DEFAULT_TTL_MS = 60_000;

// Renew or release only a lock we still own: another worker may hold it after our TTL ran out.
const RENEW =
  `if redis.call("get", KEYS[1]) == ARGV[1] then ` +
  `return redis.call("pexpire", KEYS[1], ARGV[2]) ` +
  `else return 0 end`;
const RELEASE = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("del", KEYS[1]) else return 0 end`;
const TAKE_OVER =
  `local held = redis.call("get", KEYS[1])\n` +
  `if held == false or string.sub(held, 1, string.len(ARGV[3])) == ARGV[3] then ` +
  `return redis.call("set", KEYS[1], ARGV[1], "PX", ARGV[2]) else return false end`;
/** Deletes a lock only if its owner starts with the prefix (an attempt of a job that has ended). */
const RELEASE_PREFIX =
  `local held = redis.call("get", KEYS[1])\n` +
  `if held and string.sub(held, 1, string.len(ARGV[1])) == ARGV[1] then ` +
  `return redis.call("del", KEYS[1]) else return 0 end`;

/** Frees a lock left by a holder that can't release it any more (owner starting with `ownerPrefix`). */
export async function releaseLockOf(redis: Redis, key: string, ownerPrefix: string): Promise<boolean> {
  return (await redis.eval(RELEASE_PREFIX, 1, key, ownerPrefix)) === 1;
}

export interface RedisLock {
  release(): Promise<void>;
}

/**
 * A lock across processes (one build per app, one reconcile per app). Returns null when someone else
 * holds it. It expires by itself if its holder dies, so a crash never blocks anything for good.
 */
export async function tryLock(
  redis: Redis,
  key: string,
  owner: string,
  ttlMs = DEFAULT_TTL_MS,
  takeOverFrom?: string,
): Promise<RedisLock | null> {
  // A holder whose owner starts with `takeOverFrom` is known dead (an earlier attempt of the same job):
  // its lock is taken over rather than waited out.
  const acquired = takeOverFrom
    ? await redis.eval(TAKE_OVER, 1, key, owner, String(ttlMs), takeOverFrom)
    : await redis.set(key, owner, "PX", ttlMs, "NX");
  if (acquired !== "OK") return null;
  const renewal = setInterval(() => {
    redis.eval(RENEW, 1, key, owner, String(ttlMs)).catch(() => {
      // A failed renewal leaves the TTL to expire; the next renewal tries again.
    });
  }, ttlMs / 3);
  renewal.unref();
  return {
    async release() {
      clearInterval(renewal);
      await redis.eval(RELEASE, 1, key, owner);
    },
  };
}

/** Waits (polling) up to `waitMs` for the lock; null if it stayed taken. */
export async function acquireLock(
  redis: Redis,
  key: string,
  owner: string,
  waitMs: number,
  ttlMs = DEFAULT_TTL_MS,
): Promise<RedisLock | null> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const lock = await tryLock(redis, key, owner, ttlMs);
    if (lock || Date.now() >= deadline) return lock;
    await new Promise((r) => setTimeout(r, 50));
  }
}
