import { pino, type Logger as Pino } from "pino";
import { ConfigError, loadConfig, type PierConfig } from "./config.ts";
import { supervisedProcess } from "./supervised-process.ts";

export type PierProcessTitle = "pier-api" | "pier-worker" | "pier-controller" | "pier-router";

export interface PierProcessContext {
  config: PierConfig;
  /** JSON lines at LOG_LEVEL, each with `service: <title>`. */
  logger: Pino;
}

export interface StartedProcess {
  /** Fields of the "started" line (where it listens, what it runs). */
  info?: object;
  /** Stops what `start` started: servers, workers, loops, then connections. */
  close(): Promise<void>;
}

export interface PierProcessOptions {
  /** A stop that takes longer exits anyway (with code 1). Default: no limit (the worker finishes its builds). */
  stopTimeoutMs?: number;
}

/**
 * How each Pier process starts and stops (api, worker, controller, router: each main is one call). It names
 * the process (supervisedProcess), reads the config (a bad one: the problems on stderr, exit 1), logs with
 * pino, runs `start`, and on the first SIGINT or SIGTERM closes what it started and exits 0. A signal that
 * comes while `start` runs waits for it, so nothing it opens is left behind; a start that fails is logged
 * and exits 1 (the supervisor starts it again, with back-off).
 */
export async function runPierProcess(
  title: PierProcessTitle,
  start: (context: PierProcessContext) => Promise<StartedProcess>,
  options: PierProcessOptions = {},
): Promise<void> {
  supervisedProcess(title);
  let config: PierConfig;
  try {
    config = loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${title}: ${error.message}\n`);
    process.exit(1);
  }
  const logger = pino({ level: config.LOG_LEVEL, base: { service: title } });
  // Until a listener is added, a signal has the OS's default effect (the process dies at once): the
  // listeners are in place before `start` runs, so a stop asked for during the start waits for it.
  let resolveStarting: (started: Promise<StartedProcess>) => void = () => undefined;
  const starting = new Promise<StartedProcess>((resolve) => (resolveStarting = resolve));
  let stopping = false;
  const exit = (code: number) => logger.flush(() => process.exit(code));
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "stopping");
    if (options.stopTimeoutMs !== undefined)
      setTimeout(() => {
        logger.error({ timeoutMs: options.stopTimeoutMs }, "did not stop in time; exiting anyway");
        process.exit(1);
      }, options.stopTimeoutMs).unref();
    const started = await starting.catch(() => null); // a start that failed exits on its own
    try {
      await started?.close();
    } catch (error) {
      logger.error({ err: error }, "stopping failed");
      return exit(1);
    }
    exit(0);
  };
  process.once("SIGINT", () => void stop("SIGINT"));
  process.once("SIGTERM", () => void stop("SIGTERM"));
  resolveStarting(start({ config, logger }));
  try {
    const started = await starting;
    logger.info(started.info ?? {}, "started");
  } catch (error) {
    logger.fatal({ err: error }, "could not start");
    exit(1);
  }
}
