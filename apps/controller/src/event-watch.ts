import type { ContainerEvent, ContainerRuntime } from "@pier/runtime";
import { LABELS, type Logger } from "@pier/shared";

/** How long before the stream is opened again after it broke or could not be opened. */
const REOPEN_MS = 1_000;

/**
 * Docker's event stream for Pier's containers, kept open: when the engine ends it (it restarted) or
 * can't open it, it is opened again every REOPEN_MS until it opens, and then `onReopened` runs: what
 * happened meanwhile was not heard.
 */
export async function watchContainerEvents(
  runtime: ContainerRuntime,
  logger: Logger,
  onEvent: (event: ContainerEvent) => void,
  onReopened: () => void,
): Promise<{ close(): void }> {
  let closed = false;
  let stream: { close(): void } | null = null;
  let retry: NodeJS.Timeout | undefined;
  const reopenLater = () => {
    if (!closed) retry = setTimeout(() => void open(false), REOPEN_MS).unref();
  };
  const open = async (first: boolean): Promise<void> => {
    try {
      stream = await runtime.watchEvents({ [LABELS.managed]: "true" }, onEvent, (error) => {
        logger.warn({ err: error }, "Docker event stream ended; watching again");
        reopenLater();
      });
    } catch (error) {
      logger.error(
        { err: error },
        `cannot watch Docker events; trying again in ${REOPEN_MS} ms (the sweep still runs)`,
      );
      return reopenLater();
    }
    if (closed) return stream.close();
    if (!first) onReopened();
  };
  await open(true);
  return {
    close() {
      closed = true;
      clearTimeout(retry);
      stream?.close();
    },
  };
}
