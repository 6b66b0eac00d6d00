import { printAppLogs } from "../app-log-output.ts";
import { COMMON_OPTIONS, parseCommand, type Command } from "../command.ts";
import { EXIT, UsageError } from "../errors.ts";
import { dim, info, printJson } from "../output.ts";

export const run: Command = {
  name: "run",
  usage: "pier run <app> [--timeout SECONDS] [--json] -- <command> [args...]",
  summary: "Run a one-off command in the app's production image (env vars and volumes included)",
  details: [
    "The command's output is printed; pier exits 0 when it exits 0, else 1 (--json gives the exact exit code).",
    "Example: pier run web -- node scripts/migrate.js",
  ],
  async run(args, context) {
    const separator = args.indexOf("--");
    if (separator === -1) throw new UsageError("put the command after --, e.g. pier run web -- node -v", "run");
    const command = args.slice(separator + 1);
    const { values, positionals } = parseCommand("run", {
      args: args.slice(0, separator),
      options: { ...COMMON_OPTIONS, timeout: { type: "string" } },
      allowPositionals: true,
      strict: true,
    });
    if (positionals.length !== 1)
      throw new UsageError(positionals.length ? `unexpected argument: ${positionals[1]}` : "missing <app>", "run");
    if (command.length === 0) throw new UsageError("missing the command after --", "run");
    const timeout = values.timeout === undefined ? 300 : Number(values.timeout);
    if (!Number.isInteger(timeout) || timeout < 1 || timeout > 3600)
      throw new UsageError("--timeout must be 1-3600 seconds", "run");
    const result = await (await context.client()).run(positionals[0]!, command, timeout);
    if (values.json) {
      printJson(result);
    } else {
      process.stdout.write(result.output);
      const how = result.timedOut ? `timed out after ${timeout} s` : `exited with ${result.exitCode}`;
      info(dim(`${command.join(" ")} ${how} in ${(result.durationMs / 1000).toFixed(1)} s`, process.stderr));
    }
    return result.exitCode === 0 && !result.timedOut ? EXIT.ok : EXIT.failed;
  },
};

export const appLogs: Command = {
  name: "app-logs",
  usage: "pier app-logs <app> [--tail N] [--follow] [--json]",
  summary: "The running app's own output (every production replica), each line with its time and replica",
  details: [
    "Lines read: <time, UTC> #<replica> <text>; --follow keeps printing new lines until Ctrl-C.",
    "With --json: one JSON object per line ({at, replica, container, line}). Env values show as [redacted].",
  ],
  async run(args, context) {
    const { values, positionals } = parseCommand("app-logs", {
      args,
      options: { ...COMMON_OPTIONS, tail: { type: "string" }, follow: { type: "boolean", short: "f" } },
      allowPositionals: true,
      strict: true,
    });
    if (positionals.length !== 1)
      throw new UsageError(positionals.length ? `unexpected argument: ${positionals[1]}` : "missing <app>", "app-logs");
    const tail = values.tail === undefined ? 200 : Number(values.tail);
    if (!Number.isInteger(tail) || tail < 0 || tail > 10_000)
      throw new UsageError("--tail must be 0-10000", "app-logs");
    return printAppLogs(await context.client(), positionals[0]!, {
      tail,
      follow: values.follow === true,
      json: values.json === true,
    });
  },
};
