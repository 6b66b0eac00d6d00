import type { ApiClient } from "../api-client.ts";
import { COMMON_OPTIONS, parseCommand, requirePositionals, type Command } from "../command.ts";
import { followDeployment } from "../deployment-events.ts";
import { resolveAppDeployment } from "../resolve.ts";
import { EXIT, UsageError, type ExitCode } from "../errors.ts";
import { bold, colorStatus, dim, duration, green, info, print, printJson, red, StatusLine } from "../output.ts";
import type { DeploymentDto, DeploymentStatus } from "../types.ts";

const TICK_MS = 1000;

export const deploy: Command = {
  name: "deploy",
  usage: "pier deploy <app> [--from <deployment>] [--no-promote] [--wait] [--json]",
  summary: "Deploy the head of the app's branch (or, with --from, an earlier deployment's commit again)",
  details: [
    "--from <deployment> builds that deployment's commit again (its id or short id), not the branch head.",
    "--no-promote (or --staged) stages it: it starts at its own URL and production stays as it is, until",
    "`pier promote <app> <deployment>` (or a rollout) makes it live; a newer staged deployment replaces it.",
    "Without --wait it prints the queued deployment and returns.",
    "With --wait it streams the build and deploy log as it is written and ends on the app's production URL:",
    "exit 0 when READY, 1 when FAILED or CANCELLED. With --json the log goes to stderr, the final deployment",
    "(the API's JSON) to stdout.",
  ],
  async run(args, context) {
    const { values, positionals } = parseCommand("deploy", {
      args,
      options: {
        ...COMMON_OPTIONS,
        wait: { type: "boolean" },
        from: { type: "string" },
        "no-promote": { type: "boolean" },
        staged: { type: "boolean" },
      },
      allowPositionals: true,
      strict: true,
    });
    const [app] = requirePositionals("deploy", positionals, ["app"]) as [string];
    const client = await context.client();
    const staged = values["no-promote"] === true || values.staged === true;
    if (staged && values.from !== undefined)
      throw new UsageError("--no-promote builds the branch head; it can't be combined with --from", "deploy");
    const queued =
      values.from === undefined
        ? await client.deploy(app, staged ? { promote: false } : {})
        : await rebuild(client, app, values.from);

    if (!values.wait) {
      if (values.json) return printJson(queued);
      const status = colorStatus(queued.status);
      print(`Deploying ${bold(app)} (branch ${queued.branch}): deployment ${bold(queued.shortId)} is ${status}.`);
      if (queued.staged) print(`  ${queued.staged}`);
      print(dim(`  id:     ${queued.id}`));
      print(dim(`  follow: pier logs ${queued.id} --follow`));
      return;
    }
    info(`Deploying ${app} (branch ${queued.branch}): deployment ${queued.shortId} (${queued.id})`);
    await waitWithLog(client, queued, values.json === true);
    const final = await client.getDeployment(queued.id);
    if (values.json) printJson(final);
    return report(client, final, values.json === true);
  },
};

/** Queues a build of an earlier deployment's commit, saying which commit it is. */
async function rebuild(client: ApiClient, app: string, ref: string): Promise<DeploymentDto> {
  const source = await resolveAppDeployment(client, app, ref);
  const queued = await client.rebuildDeployment(source.id);
  info(queued.message);
  return queued;
}

/** Streams the log (stdout, or stderr under --json) under a status line until the deployment has ended. */
export async function waitWithLog(client: ApiClient, queued: DeploymentDto, json: boolean): Promise<void> {
  const statusLine = new StatusLine();
  const started = Date.now();
  let status: DeploymentStatus = queued.status;
  const show = () => statusLine.update(describe(queued.shortId, status, started), status);
  const ticker = setInterval(show, TICK_MS);
  const onSignal = () => {
    statusLine.stop();
    process.exit(130);
  };
  process.once("SIGINT", onSignal);
  try {
    show();
    await followDeployment(client, queued.id, {
      line: (line) => statusLine.above(() => (json ? info : print)(line.line)),
      status: (next) => {
        status = next;
        show();
      },
      reconnecting: (cause) => statusLine.above(() => info(dim(`(${cause}: reconnecting)`, process.stderr))),
    });
  } finally {
    clearInterval(ticker);
    process.off("SIGINT", onSignal);
    statusLine.stop();
  }
}

/** The last line: where the app is live (its production URL), or why it isn't. */
export async function report(client: ApiClient, final: DeploymentDto, json: boolean): Promise<ExitCode> {
  const took = final.durationMs !== null ? ` in ${duration(final.durationMs)}` : "";
  const head = `${final.app} ${final.shortId}`;
  if (final.status === "READY") {
    const where = final.isProduction ? `live at ${(await client.getApp(final.app)).url}` : (final.url ?? "");
    if (final.staged) {
      (json ? info : print)(`${green("✓", process.stderr)} ${head} is READY${took}, ${final.staged}: ${where}`);
      info(dim(`  promote: pier promote ${final.app} ${final.shortId}`, process.stderr));
      return EXIT.ok;
    }
    (json ? info : print)(`${green("✓", process.stderr)} ${head} is READY${took}${where ? `: ${where}` : ""}`);
    return EXIT.ok;
  }
  info(`${red("✗", process.stderr)} ${head} ${final.status}${took}: ${final.reason ?? "no reason given"}`);
  info(dim(`  logs: pier logs ${final.id}`, process.stderr));
  return EXIT.failed;
}

function describe(shortId: string, status: DeploymentStatus, since: number): string {
  const elapsed = duration(Math.round((Date.now() - since) / 1000) * 1000);
  return `${shortId} ${colorStatus(status, process.stderr)} ${dim(elapsed, process.stderr)}`;
}
