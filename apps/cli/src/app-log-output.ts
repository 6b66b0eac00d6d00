import type { ApiClient } from "./api-client.ts";
import { CliError, EXIT, type ExitCode } from "./errors.ts";
import { dim, info } from "./output.ts";

/** One line of the app's own output, as GET /api/apps/:name/logs/stream sends it. */
interface RuntimeLogLine {
  at: string | null;
  replica: number;
  container: string;
  line: string;
}

/** "2026-12-07 13:04:05.123Z" of the engine's nanosecond time: wide enough to order, short enough to read. */
const shortTime = (at: string | null) => (at ? `${at.slice(0, 10)} ${at.slice(11, 23)}Z` : "-".repeat(24));

/**
 * Prints the app's runtime logs: each line with its time (UTC) and replica ("#2"), or with --json one JSON
 * object per line. Ends when the stream ends (no --follow: after the last lines); a failed stream fails.
 */
export async function printAppLogs(
  client: ApiClient,
  app: string,
  options: { tail: number; follow: boolean; json: boolean },
): Promise<ExitCode> {
  for await (const event of client.appLogEvents(app, options)) {
    if (event.event === "line") {
      const line = JSON.parse(event.data) as RuntimeLogLine;
      process.stdout.write(
        options.json
          ? `${JSON.stringify(line)}\n`
          : `${dim(shortTime(line.at))} ${dim(`#${line.replica}`)} ${line.line}\n`,
      );
    } else if (event.event === "failed") {
      throw new CliError((JSON.parse(event.data) as { message: string }).message, EXIT.failed);
    } else if (event.event === "end" && options.follow) {
      info(dim(`log stream ended: ${(JSON.parse(event.data) as { reason: string }).reason}`, process.stderr));
    }
  }
  return EXIT.ok;
}
