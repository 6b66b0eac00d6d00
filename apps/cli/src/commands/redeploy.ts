import { COMMON_OPTIONS, parseCommand, requirePositionals, type Command } from "../command.ts";
import { bold, colorStatus, dim, info, print, printJson } from "../output.ts";
import { report, waitWithLog } from "./deploy.ts";

export const redeploy: Command = {
  name: "redeploy",
  usage: "pier redeploy [app] [--wait] [--json]",
  summary: "Start production's image again with the current env vars and settings: no clone, no build",
  details: [
    "How env var changes (pier env set) and memory or CPU changes go live without a rebuild: a new deployment of",
    "the image production runs, switched in with no downtime. To build code again, use pier deploy",
    "(--from <deployment> builds an earlier commit). With --wait it streams the deploy log and ends on the",
    "production URL: exit 0 when READY, 1 when FAILED. Exit 6 when nothing is live or the image was pruned",
    "(then deploy again).",
  ],
  async run(args, context) {
    const { values, positionals } = parseCommand("redeploy", {
      args,
      options: { ...COMMON_OPTIONS, wait: { type: "boolean" } },
      allowPositionals: true,
      strict: true,
    });
    const [app] = requirePositionals("redeploy", positionals, ["app"]) as [string];
    const client = await context.client();
    const queued = await client.redeploy(app);
    if (!values.wait) {
      if (values.json) return printJson(queued);
      print(`${queued.message}: ${bold(queued.shortId)} is ${colorStatus(queued.status)}.`);
      print(dim(`  id:     ${queued.id}`));
      print(dim(`  follow: pier logs ${queued.id} --follow`));
      return;
    }
    info(queued.message);
    await waitWithLog(client, queued, values.json === true);
    const final = await client.getDeployment(queued.id);
    if (values.json) printJson(final);
    return report(client, final, values.json === true);
  },
};
