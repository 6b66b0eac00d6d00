import { COMMON_OPTIONS, parseCommand, parseLimit, requirePositionals, type Command } from "../command.ts";
import { age, colorStatus, print, printJson, table, truncate } from "../output.ts";

export const deployments: Command = {
  name: "deployments",
  usage: "pier deployments <app> [--limit N] [--json]",
  summary: "List an app's deployments, newest first (* marks production, staged one running beside it)",
  async run(args, context) {
    const { values, positionals } = parseCommand("deployments", {
      args,
      options: { ...COMMON_OPTIONS, limit: { type: "string", short: "n" } },
      allowPositionals: true,
      strict: true,
    });
    const [app] = requirePositionals("deployments", positionals, ["app"]) as [string];
    const limit = parseLimit(values.limit, { fallback: 20, max: 500, command: "deployments" });
    const result = await (await context.client()).listDeployments(app, limit);
    if (values.json) return printJson(result);
    if (result.deployments.length === 0) return print(`No deployments of ${app} yet: pier deploy ${app}`);
    print(
      table(
        ["", "ID", "STATUS", "BRANCH", "TRIGGER", "COMMIT", "AGE", "DURATION"],
        result.deployments.map((d) => [
          d.isProduction ? "*" : d.staged ? "staged" : "",
          d.shortId,
          colorStatus(d.status),
          d.branch,
          // push, api, dashboard, schedule (a cron schedule's run), auto (Pier itself)
          d.trigger.toLowerCase(),
          d.commitSha ? truncate(`${d.commitSha.slice(0, 7)} ${firstLine(d.commitMessage)}`.trim(), 60) : "-",
          age(d.createdAt),
          d.durationMs === null ? "-" : `${Math.round(d.durationMs / 1000)}s`,
        ]),
      ),
    );
  },
};

const firstLine = (text: string | null) => (text ?? "").split("\n")[0] ?? "";
