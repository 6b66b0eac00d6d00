import type { ApiClient } from "../api-client.ts";
import { COMMON_OPTIONS, parseCommand, requirePositionals, type Command } from "../command.ts";
import { bold, dim, info, print, printJson, yellow } from "../output.ts";
import { resolveAppDeployment } from "../resolve.ts";
import type { ReleaseResultDto } from "../types.ts";

export const rollback: Command = {
  name: "rollback",
  usage: "pier rollback <app> [deployment] [--json]",
  summary: "Put an earlier deployment back live without rebuilding (default: the previous production)",
  details: ["[deployment] is a deployment id or short id of this app."],
  async run(args, context) {
    const { values, positionals } = parseCommand("rollback", {
      args,
      options: COMMON_OPTIONS,
      allowPositionals: true,
      strict: true,
    });
    if (positionals.length > 2) requirePositionals("rollback", positionals, ["app", "deployment"]);
    const [app, ref] = requirePositionals("rollback", positionals, ["app"], { rest: true }) as [
      string,
      string | undefined,
    ];
    const client = await context.client();
    const target = ref === undefined ? undefined : (await resolveAppDeployment(client, app, ref)).id;
    const result = await client.rollback(app, target);
    report(result, values.json === true, "Rolled back");
  },
};

export const promote: Command = {
  name: "promote",
  usage: "pier promote <app> <deployment> [--json]",
  summary: "Make a READY deployment production without rebuilding",
  details: ["<deployment> is a deployment id or short id of this app."],
  async run(args, context) {
    const { values, positionals } = parseCommand("promote", {
      args,
      options: COMMON_OPTIONS,
      allowPositionals: true,
      strict: true,
    });
    const [app, ref] = requirePositionals("promote", positionals, ["app", "deployment"]) as [string, string];
    const client: ApiClient = await context.client();
    const target = await resolveAppDeployment(client, app, ref);
    const result = await client.promote(app, target.id);
    report(result, values.json === true, "Promoted");
  },
};

function report(result: ReleaseResultDto, json: boolean, verb: string): void {
  if (json) {
    printJson(result);
    return;
  }
  const { release, deployment } = result;
  const from = release.from ? ` (was ${release.from.shortId})` : "";
  print(`${verb} ${bold(deployment.app)} to ${bold(deployment.shortId)}${from}: release ${release.name}.`);
  if (deployment.commitSha)
    print(dim(`  commit ${deployment.commitSha.slice(0, 7)} ${(deployment.commitMessage ?? "").split("\n")[0]}`));
  if (result.started) print(dim("  its container was started again from the kept image"));
  if (!result.routed)
    info(
      yellow("warning: the router has not confirmed the switch yet; it should follow within seconds", process.stderr),
    );
}
