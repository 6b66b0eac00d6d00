import type { PrismaClient } from "@pier/db";
import { redactSecrets } from "@pier/shared";

const FLUSH_INTERVAL_MS = 200;
const MAX_LINE_LENGTH = 8_000;

/**
 * Streams a deployment's log into the database as it comes, in small batches (live viewers read it
 * from there). Secret values (the app's env vars) are redacted before anything is stored.
 */
export class BuildLog {
  private buffer: Array<{ line: string; stream: string }> = [];
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> = Promise.resolve();
  private failure: unknown = null;

  constructor(
    private readonly prisma: PrismaClient,
    private readonly deploymentId: string,
    private secrets: readonly string[] = [],
  ) {}

  setSecrets(secrets: readonly string[]): void {
    this.secrets = secrets;
  }

  write(line: string, stream = "build"): void {
    const clean = redactSecrets(line, this.secrets).slice(0, MAX_LINE_LENGTH);
    this.buffer.push({ line: clean, stream });
    this.timer ??= setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, FLUSH_INTERVAL_MS);
  }

  /** Writes what is buffered. Errors are kept and rethrown by close(), so none is lost silently. */
  flush(): Promise<void> {
    const batch = this.buffer;
    this.buffer = [];
    if (batch.length === 0) return this.flushing;
    this.flushing = this.flushing.then(async () => {
      try {
        await this.prisma.buildLog.createMany({
          data: batch.map((entry) => ({ deploymentId: this.deploymentId, line: entry.line, stream: entry.stream })),
        });
      } catch (error) {
        this.failure ??= error;
      }
    });
    return this.flushing;
  }

  async close(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.flush();
    if (this.failure) throw this.failure;
  }
}
