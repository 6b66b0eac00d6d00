import { COMMON_OPTIONS, parseCommand, requirePositionals, type Command } from "../command.ts";
import { UsageError } from "../errors.ts";
import { age, bold, dim, print, printJson, table, truncate, yellow } from "../output.ts";
import type { AppDto, ReplicaStatusDto, CreateAppInput } from "../types.ts";
import { phaseWords, stateWords } from "../replica-words.ts";
import { describePolicy } from "./autoscale.ts";

export const appsList: Command = {
  name: "apps",
  usage: "pier apps [--json]",
  summary: "List apps",
  details: ["The other apps commands: pier apps create, show, settings and delete (pier help apps shows them all)."],
  async run(args, context) {
    const { values, positionals } = parseCommand("apps", {
      args,
      options: COMMON_OPTIONS,
      allowPositionals: true,
      strict: true,
    });
    requirePositionals("apps", positionals, []);
    const result = await (await context.client()).listApps();
    if (values.json) return printJson(result);
    if (result.apps.length === 0) return print("No apps yet: create one with pier apps create <name> --repo URL");
    print(
      table(
        ["NAME", "REPO", "BRANCH", "URL", "LIVE", "CREATED"],
        result.apps.map((a) => [
          a.name,
          truncate(a.repoUrl, 50),
          a.branch,
          a.url,
          a.productionDeploymentId ? "yes" : "-",
          age(a.createdAt),
        ]),
      ),
    );
  },
};

export const appsCreate: Command = {
  name: "apps create",
  usage:
    "pier apps create <name> --repo URL [--branch BRANCH] [--root-dir DIR] [--port N] " +
    "[--health-check-path PATH] [--json]",
  summary: "Create an app from a git repository; prints its GitHub webhook",
  details: ["--branch defaults to main; --port is the port the app listens on (PORT is set for it either way)."],
  async run(args, context) {
    const { values, positionals } = parseCommand("apps create", {
      args,
      options: {
        ...COMMON_OPTIONS,
        repo: { type: "string" },
        branch: { type: "string" },
        "root-dir": { type: "string" },
        port: { type: "string" },
        "health-check-path": { type: "string" },
      },
      allowPositionals: true,
      strict: true,
    });
    const [name] = requirePositionals("apps create", positionals, ["name"]) as [string];
    if (!values.repo) throw new UsageError("missing --repo URL", "apps create");
    const input: CreateAppInput = { name, repoUrl: values.repo };
    if (values.branch !== undefined) input.branch = values.branch;
    if (values["root-dir"] !== undefined) input.rootDir = values["root-dir"];
    if (values["health-check-path"] !== undefined) input.healthCheckPath = values["health-check-path"];
    if (values.port !== undefined) {
      if (!/^\d+$/.test(values.port))
        throw new UsageError(`--port must be a number, got ${values.port}`, "apps create");
      input.port = Number(values.port);
    }
    const created = await (await context.client()).createApp(input);
    if (values.json) return printJson(created);
    print(`Created ${bold(created.name)}.`);
    printApp(created);
    print();
    print(
      "GitHub: in the repository's Settings → Webhooks → Add webhook, set the payload URL and secret above, " +
        'content type application/json, "Just the push event".',
    );
    print(dim(`Deploy now with: pier deploy ${created.name} --wait`));
  },
};

export const appsShow: Command = {
  name: "apps show",
  usage: "pier apps show <name> [--json]",
  summary: "Show one app, with its webhook",
  async run(args, context) {
    const { values, positionals } = parseCommand("apps show", {
      args,
      options: COMMON_OPTIONS,
      allowPositionals: true,
      strict: true,
    });
    const [name] = requirePositionals("apps show", positionals, ["name"]) as [string];
    const found = await (await context.client()).getApp(name);
    if (values.json) return printJson(found);
    printApp(found);
  },
};

function printApp(app: AppDto): void {
  const rows: [string, string][] = [
    ["name", app.name],
    ["repo", app.repoUrl],
    ["branch", app.branch],
    ["root dir", app.rootDir || "."],
    ["port", app.port === null ? "auto (PORT)" : String(app.port)],
    ["health check", app.healthCheckPath],
    ["url", app.url],
    ["domains", app.domains.length ? app.domains.map((d) => d.name).join(", ") : "none (pier domains add)"],
    ["https", `redirect ${app.httpsRedirect ? "on" : "off"}, HSTS ${app.hsts ? "on" : "off"}`],
    ["production", app.productionDeploymentId ?? "none yet"],
    ["replicas", describeReplicas(app.replicas)],
    ...(app.autoscale ? ([["autoscale", describePolicy(app.autoscale)]] as [string, string][]) : []),
    ["webhook url", app.webhookUrl],
    ["webhook secret", app.webhookSecret ?? "(hidden: needs a token with the admin scope)"],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  for (const [label, value] of rows) print(`  ${dim(label.padEnd(width))}  ${value}`);
  if (app.webhookWarning) print(`  ${yellow("warning")}  ${app.webhookWarning}`);
}

/**
 * "2/3 running (degraded)", "0/1 running (image missing, not the app)", with each replica that is not running
 * and why.
 */
export function describeReplicas(status: ReplicaStatusDto): string {
  const state = status.state === "RUNNING" ? "" : ` (${stateWords(status.state)})`;
  const head = `${status.running}/${status.desired} running${state}`;
  const notes = status.replicas
    .filter((r) => r.phase !== "RUNNING")
    .map((r) => {
      const reason = r.lastReason ? `: ${r.lastReason}` : "";
      const next = r.nextAttemptAt ? `, next try ${r.nextAttemptAt}` : "";
      return `#${r.index} ${phaseWords(r.phase)}${reason}${next}`;
    });
  return [head, ...notes].join("; ");
}
