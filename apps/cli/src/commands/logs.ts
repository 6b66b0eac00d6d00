import { COMMON_OPTIONS, parseCommand, requirePositionals, sleep, type Command } from "../command.ts";
import { EXIT } from "../errors.ts";
import { colorStatus, dim, info, print, printJson, red } from "../output.ts";
import { resolveDeployment } from "../resolve.ts";
import { FINAL_STATUSES, type LogLineDto, type LogsDto } from "../types.ts";

const POLL_MS = 500;
const PAGE = 5000;

export const logs: Command = {
  name: "logs",
  usage: "pier logs <deployment> [--follow] [--app APP] [--json]",
  summary: "Print a deployment's build and deploy log",
  details: [
    "<deployment> is a deployment id, or a short id (looked up in --app, or in every app).",
    "--follow prints lines as they come until the deployment is READY, FAILED or CANCELLED;",
    "it then exits 0 when READY and 1 otherwise. With --json: one JSON object for the whole log,",
    "or with --follow one JSON line per log line.",
  ],
  async run(args, context) {
    const { values, positionals } = parseCommand("logs", {
      args,
      options: { ...COMMON_OPTIONS, follow: { type: "boolean", short: "f" }, app: { type: "string" } },
      allowPositionals: true,
      strict: true,
    });
    const [ref] = requirePositionals("logs", positionals, ["deployment"]) as [string];
    const client = await context.client();
    const deployment = await resolveDeployment(client, ref, values.app);

    let after: string | undefined;
    const all: LogLineDto[] = [];
    let last: LogsDto;
    for (;;) {
      last = await client.getLogs(deployment.id, after, PAGE);
      for (const line of last.lines) {
        if (!values.json) printLine(line);
        else if (values.follow) process.stdout.write(`${JSON.stringify(line)}\n`);
        else all.push(line);
      }
      after = last.lines.at(-1)?.id ?? after;
      if (last.lines.length >= PAGE) continue;
      if (!values.follow || FINAL_STATUSES.includes(last.status)) break;
      await sleep(POLL_MS);
    }

    if (values.json && !values.follow) printJson({ ...last, lines: all });
    if (!values.follow) return;
    if (last.status === "READY") {
      info(dim(`deployment ${deployment.shortId} is ${last.status}`, process.stderr));
      return EXIT.ok;
    }
    const final = await client.getDeployment(deployment.id);
    const reason = final.reason ?? "no reason given";
    info(`deployment ${deployment.shortId} ${colorStatus(final.status, process.stderr)}: ${reason}`);
    return EXIT.failed;
  },
};

function printLine(line: LogLineDto): void {
  print(line.stream === "stderr" || line.stream === "error" ? red(line.line) : line.line);
}
