import type { ChainableCommander, Redis } from "ioredis";
import type { Session } from "./session.ts";

/** Runs a transaction; the first failed command's error is thrown. */
async function transaction(multi: ChainableCommander): Promise<unknown[]> {
  const replies = (await multi.exec()) ?? [];
  const failed = replies.find(([error]) => error);
  if (failed) throw failed[0];
  return replies.map(([, value]) => value);
}

/**
 * The dashboard's sessions on the server side. A signed session cookie counts only while its id is
 * listed here, so signing out ends that session for good (a copied cookie stops working) and signing
 * out everywhere ends them all. One sorted set in Redis per Pier installation (named after its queue,
 * as tests run several side by side), scored by expiry; it expires with its newest session.
 */
export class SessionStore {
  private readonly key: string;

  constructor(
    private readonly redis: Redis,
    installation: string,
  ) {
    this.key = `pier:dashboard:sessions:${installation}`;
  }

  async add(session: Session, now = Date.now()): Promise<void> {
    await transaction(
      this.redis
        .multi()
        .zremrangebyscore(this.key, "-inf", Math.floor(now / 1000))
        .zadd(this.key, session.expiresAt, session.id)
        .expireat(this.key, session.expiresAt),
    );
  }

  async has(session: Session): Promise<boolean> {
    return (await this.redis.zscore(this.key, session.id)) !== null;
  }

  async remove(sessionId: string): Promise<void> {
    await this.redis.zrem(this.key, sessionId);
  }

  /** Signs every browser out; returns how many sessions ended. */
  async removeAll(now = Date.now()): Promise<number> {
    const [live] = await transaction(
      this.redis
        .multi()
        .zcount(this.key, `(${Math.floor(now / 1000)}`, "+inf")
        .del(this.key),
    );
    return Number(live);
  }
}
