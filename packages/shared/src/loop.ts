import type { Logger } from "./logger.ts";

export interface LoopOptions {
  /** Names the loop in its log lines ("sweep", "resource sample"). */
  name: string;
  /** From the start of one tick to the start of the next; a tick that runs longer delays the next (never overlaps). */
  everyMs: number;
  tick: () => Promise<unknown>;
  logger: Pick<Logger, "error">;
}

export interface Loop {
  /** A tick now (or, while one runs, one more right after it); resolves when it is done. Never rejects. */
  runNow(): Promise<void>;
  /** No more ticks; resolves once the running one (if any) has ended. */
  stop(): Promise<void>;
}

/**
 * Runs `tick` every `everyMs`, one tick at a time: a failed tick is logged under the loop's name and the
 * next runs on time. The timer does not keep the process alive by itself. The first tick comes after a
 * period; call `runNow()` for one at once.
 */
export function startLoop(options: LoopOptions): Loop {
  const { name, everyMs, tick, logger } = options;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | null = null;
  let next: Promise<void> | null = null;
  let stopped = false;

  const schedule = (delayMs: number) => {
    clearTimeout(timer);
    if (!stopped) timer = setTimeout(() => void runNow(), delayMs).unref();
  };
  const runNow = (): Promise<void> => {
    if (stopped) return Promise.resolve();
    if (running) {
      next ??= running.then(() => {
        next = null;
        return runNow();
      });
      return next;
    }
    clearTimeout(timer);
    const started = Date.now();
    running = Promise.resolve()
      .then(tick)
      .then(
        () => undefined,
        (error: unknown) => logger.error({ err: error, loop: name }, `${name} failed; it runs again in ${everyMs} ms`),
      )
      .then(() => {
        running = null;
        schedule(Math.max(0, everyMs - (Date.now() - started)));
      });
    return running;
  };

  schedule(everyMs);
  return {
    runNow,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
      await next;
    },
  };
}
