import { runCertificatePass, type CertificateDeps } from "@pier/certificates";
import { connectRedis, tryLock } from "@pier/redis";
import { announceRouteChange } from "@pier/routing";
import { CERTIFICATES_CHANNEL, startLoop } from "@pier/shared";
import { randomBytes } from "node:crypto";
import { hostname } from "node:os";

/**
 * One certificate pass at a time among the controllers of the same apps (several controllers of one Pier share
 * it; those of another prefix, as in tests, look after other names).
 */
const lockKey = (appPrefix: string) => `pier:lock:certificates:${appPrefix}`;

export interface CertificateLoop {
  /** A certificate pass now, or right after the one running (requests meanwhile make one more pass, not many). */
  runNow(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Issues and renews certificates (@pier/certificates): a pass at start, every PIER_CERTIFICATE_SWEEP_MS, and at
 * once when a name is published on CERTIFICATES_CHANNEL (a domain was added, a retry asked for). A controller that
 * finds the pass locked leaves it to the one holding it, which hears the same requests and passes again.
 */
export async function startCertificateLoop(deps: CertificateDeps): Promise<CertificateLoop> {
  const { config, logger, redis } = deps;
  const owner = `controller:${hostname()}:${process.pid}:${randomBytes(4).toString("hex")}`;
  const loop = startLoop({
    name: "certificate pass",
    everyMs: config.PIER_CERTIFICATE_SWEEP_MS,
    logger,
    tick: async () => {
      const lock = await tryLock(redis, lockKey(config.PIER_CONTROLLER_APP_PREFIX), owner);
      if (!lock) return;
      try {
        await runCertificatePass({ ...deps, routesChanged: () => announceRouteChange(redis) });
      } finally {
        await lock.release();
      }
    },
  });
  const subscriber = connectRedis(config.REDIS_URL, "blocking", "controller certificate requests", logger);
  subscriber.on("message", () => void loop.runNow());
  await subscriber.subscribe(CERTIFICATES_CHANNEL);
  void loop.runNow();
  return {
    runNow: loop.runNow,
    async close() {
      subscriber.disconnect();
      await loop.stop();
    },
  };
}
