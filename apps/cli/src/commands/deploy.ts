import { COMMON_OPTIONS, parseCommand, requirePositionals, sleep, type Command } from "../command.ts";
import { EXIT } from "../errors.ts";
import { bold, colorStatus, dim, duration, green, info, print, printJson, red, StatusLine } from "../output.ts";
import { FINAL_STATUSES, type DeploymentDto } from "../types.ts";

const POLL_MS = 1000;

export const deploy: Command = {
  name: "deploy",
  usage: "pier deploy <app> [--wait] [--json]",
  summary: "Deploy the head of the app's branch",
  details: [
    "Without --wait it prints the queued deployment and returns.",
    "With --wait it follows the deployment until it ends: exit 0 when READY, 1 when FAILED or CANCELLED.",
  ],
  async run(args, context) {
    const { values, positionals } = parseCommand("deploy", {
      args,
      options: { ...COMMON_OPTIONS, wait: { type: "boolean" } },
      allowPositionals: true,
      strict: true,
    });
    const [app] = requirePositionals("deploy", positionals, ["app"]) as [string];
    const client = await context.client();
    const queued = await client.deploy(app);

    if (!values.wait) {
      if (values.json) return printJson(queued);
      const status = colorStatus(queued.status);
      print(`Deploying ${bold(app)} (branch ${queued.branch}): deployment ${bold(queued.shortId)} is ${status}.`);
      print(dim(`  id:     ${queued.id}`));
      print(dim(`  follow: pier logs ${queued.id} --follow`));
      return;
    }

    info(`Deploying ${app} (branch ${queued.branch}): deployment ${queued.shortId} (${queued.id})`);
    const status = new StatusLine();
    const started = Date.now();
    let current: DeploymentDto = queued;
    const onSignal = () => {
      status.stop();
      process.exit(130);
    };
    process.once("SIGINT", onSignal);
    try {
      while (!FINAL_STATUSES.includes(current.status)) {
        status.update(describe(current, started), current.status);
        await sleep(POLL_MS);
        current = await client.getDeployment(queued.id);
      }
    } finally {
      process.off("SIGINT", onSignal);
      status.stop();
    }

    if (values.json) printJson(current);
    const took = current.durationMs !== null ? ` in ${duration(current.durationMs)}` : "";
    if (current.status === "READY") {
      const where = current.isProduction ? `live at ${current.url ?? "its app URL"}` : (current.url ?? "");
      (values.json ? info : print)(
        `${green("✓", process.stderr)} ${app} ${current.shortId} is READY${took}${where ? `: ${where}` : ""}`,
      );
      return EXIT.ok;
    }
    const reason = current.reason ?? "no reason given";
    info(`${red("✗", process.stderr)} ${app} ${current.shortId} ${current.status}${took}: ${reason}`);
    info(dim(`  logs: pier logs ${current.id}`, process.stderr));
    return EXIT.failed;
  },
};

function describe(d: DeploymentDto, since: number): string {
  const elapsed = duration(Math.round((Date.now() - since) / 1000) * 1000);
  return `${d.shortId} ${colorStatus(d.status, process.stderr)} ${dim(elapsed, process.stderr)}`;
}
