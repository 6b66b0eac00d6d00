import { isDatabaseUnavailable, type PrismaClient } from "@pier/db";
import { redactSecrets } from "@pier/shared";

const FLUSH_INTERVAL_MS = 200;
const MAX_LINE_LENGTH = 8_000;
/** While the database is out of reach, lines wait in memory, up to this many (a build's output rarely comes near). */
const MAX_HELD_LINES = 20_000;
/** How often lines held for an unreachable database are tried again when no new line comes. */
const RETRY_INTERVAL_MS = 1_000;

type Line = { line: string; stream: string };

const isForeignKeyViolation = (error: unknown) => (error as { code?: unknown } | null)?.code === "P2003";

/**
 * Streams a deployment's log into the database as it comes, in small batches (live viewers read it
 * from there). Secret values (the app's env vars) are redacted before anything is stored. A database
 * that restarts under a build loses none of it: lines wait, in order, until it answers again.
 */
export class BuildLog {
  private buffer: Line[] = [];
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> = Promise.resolve();
  private failure: unknown = null;
  /** The last error of a database out of reach, for close() to name if lines are still waiting. */
  private unreachable: unknown = null;
  private readonly kept: string[] = [];

  constructor(
    private readonly prisma: PrismaClient,
    private readonly deploymentId: string,
    private secrets: readonly string[] = [],
  ) {}

  setSecrets(secrets: readonly string[]): void {
    this.secrets = [...secrets, ...this.kept];
  }

  /** Secrets redacted for the rest of the build, whatever setSecrets says later (a repository's token). */
  keepSecret(secret: string): void {
    this.kept.push(secret);
    this.secrets = [...this.secrets, secret];
  }

  write(line: string, stream = "build"): void {
    // PostgreSQL text can't hold a NUL byte (a build printing binary output would lose the whole batch).
    const clean = redactSecrets(line, this.secrets).slice(0, MAX_LINE_LENGTH).replaceAll("\u0000", "\uFFFD");
    this.buffer.push({ line: clean, stream });
    this.schedule(FLUSH_INTERVAL_MS);
  }

  /**
   * Writes what is buffered. A database out of reach keeps the lines for the next flush; any other
   * error is kept and rethrown by close(), so none is lost silently.
   */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(async () => {
      // Taken here, in the chain: a batch held back by an earlier flush goes first.
      const batch = this.buffer;
      this.buffer = [];
      if (batch.length === 0) return;
      try {
        await this.prisma.buildLog.createMany({
          data: batch.map((entry) => ({ deploymentId: this.deploymentId, line: entry.line, stream: entry.stream })),
        });
      } catch (error) {
        // The deployment is gone (deleted with its app while it built): its log has nowhere to go.
        if (isForeignKeyViolation(error)) return;
        if (!isDatabaseUnavailable(error)) {
          this.failure ??= error;
          return;
        }
        // Written again later. (A connection cut after the insert committed shows those lines twice:
        // better than losing them.)
        this.hold(batch, error);
      }
    });
    return this.flushing;
  }

  /** Flushes; throws when lines could not be written (the database still out of reach, or another error). */
  async close(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.flush();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.failure) throw this.failure;
    if (this.buffer.length)
      throw new Error(
        `${this.buffer.length} line(s) of the log of deployment ${this.deploymentId} were not written: ` +
          "the database is out of reach",
        { cause: this.unreachable },
      );
  }

  /** Puts a batch the database could not take back in front of newer lines, oldest dropped beyond the limit. */
  private hold(batch: Line[], error: unknown): void {
    this.unreachable = error;
    let held = [...batch, ...this.buffer];
    if (held.length > MAX_HELD_LINES) {
      const dropped = held.length - MAX_HELD_LINES + 1;
      held = [
        { line: `(${dropped} line(s) of this log were lost while the database was out of reach)`, stream: "build" },
        ...held.slice(dropped),
      ];
    }
    this.buffer = held;
    this.schedule(RETRY_INTERVAL_MS);
  }

  private schedule(ms: number): void {
    this.timer ??= setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, ms);
  }
}
