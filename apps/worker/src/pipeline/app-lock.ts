import type { Redis } from "ioredis";

const LOCK_TTL_MS = 60_000;
const RENEW_EVERY_MS = 20_000;

// Renew or release only a lock we still own: another worker may hold it after our TTL ran out.
const RENEW = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("pexpire", KEYS[1], ARGV[2]) else return 0 end`;
const RELEASE = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("del", KEYS[1]) else return 0 end`;

export interface AppLock {
  release(): Promise<void>;
}

/**
 * One build at a time per app, across every worker process. Returns null when another job holds it.
 * The lock expires by itself if its worker dies, so a crash never blocks an app for good.
 */
export async function tryLockApp(redis: Redis, prefix: string, appId: string, owner: string): Promise<AppLock | null> {
  const key = `${prefix}:app-lock:${appId}`;
  const acquired = await redis.set(key, owner, "PX", LOCK_TTL_MS, "NX");
  if (acquired !== "OK") return null;
  const renewal = setInterval(() => {
    redis.eval(RENEW, 1, key, owner, String(LOCK_TTL_MS)).catch(() => {
      // A failed renewal leaves the TTL to expire; the next renewal tries again.
    });
  }, RENEW_EVERY_MS);
  renewal.unref();
  return {
    async release() {
      clearInterval(renewal);
      await redis.eval(RELEASE, 1, key, owner);
    },
  };
}
