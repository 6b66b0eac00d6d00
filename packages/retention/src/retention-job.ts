import { bullmqConnection } from "@pier/redis";
import type { Logger } from "@pier/shared";
import { Queue, Worker } from "bullmq";
import type { RetentionDeps } from "./deps.ts";
import { runRetention } from "./run-retention.ts";

/** The maintenance queue beside the deploy queue (one per Pier). */
export const maintenanceQueueName = (baseQueueName: string) => `${baseQueueName}-maintenance`;
const RETENTION_SCHEDULER = "retention";

export interface RetentionJob {
  queue: Queue;
  close(): Promise<void>;
}

/**
 * The retention job on a BullMQ job scheduler: it runs every PIER_RETENTION_INTERVAL_MS once across
 * however many controllers share the queue, and a controller that restarts doesn't run it again early.
 */
export async function startRetentionJob(deps: RetentionDeps & { logger: Logger }): Promise<RetentionJob> {
  const name = maintenanceQueueName(deps.config.PIER_QUEUE_NAME);
  const queue = new Queue(name, { connection: bullmqConnection(deps.config.REDIS_URL, "blocking") });
  queue.on("error", (error) => deps.logger.error({ err: error }, "maintenance queue connection error"));
  await queue.upsertJobScheduler(
    RETENTION_SCHEDULER,
    { every: deps.config.PIER_RETENTION_INTERVAL_MS },
    { name: RETENTION_SCHEDULER, opts: { removeOnComplete: { count: 50 }, removeOnFail: { count: 50 } } },
  );
  const worker = new Worker(
    name,
    async () => {
      const report = await runRetention(deps);
      deps.logger.info({ ...report, imagesRemoved: report.imagesRemoved.length }, "retention done");
      return report;
    },
    { connection: bullmqConnection(deps.config.REDIS_URL, "blocking"), concurrency: 1 },
  );
  worker.on("failed", (_job, error) =>
    deps.logger.error({ err: error }, "retention failed; it runs again at the next period"),
  );
  worker.on("error", (error) => deps.logger.error({ err: error }, "maintenance worker error"));
  return {
    queue,
    async close() {
      await worker.close();
      await queue.close();
    },
  };
}
