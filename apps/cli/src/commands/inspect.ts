import { COMMON_OPTIONS, parseCommand, requirePositionals, type Command } from "../command.ts";
import { age, bold, colorStatus, dim, duration, print, printJson, red } from "../output.ts";
import { resolveDeployment } from "../resolve.ts";
import type { AppDto, DeploymentDto, EnvDto } from "../types.ts";

/** The order a deployment goes through its phases; a phase the API adds later is shown after these. */
const PHASE_ORDER = ["queued", "clone", "build", "test", "start", "health", "switch"];

/** Which env vars a deployment runs with: previews get the preview target's, the rest production's. */
export const envTargetOf = (deployment: DeploymentDto) => (deployment.previewUrl ? "preview" : "production");

function phaseRows(phases: DeploymentDto["phases"]): [string, string][] {
  const entries = Object.entries(phases ?? {}) as [string, number][];
  const rank = (phase: string) => (PHASE_ORDER.includes(phase) ? PHASE_ORDER.indexOf(phase) : PHASE_ORDER.length);
  return entries.sort(([a], [b]) => rank(a) - rank(b)).map(([phase, ms]) => [phase, duration(ms)]);
}

function statusLine(d: DeploymentDto): string {
  const live = d.isProduction ? " · live in production" : "";
  const reason = d.reason ? `: ${red(d.reason)}` : "";
  return `${colorStatus(d.status)}${live}${reason}`;
}

function rows(d: DeploymentDto, app: AppDto, env: EnvDto): [string, string][] {
  const target = envTargetOf(d);
  const keys = env.vars.filter((v) => v.targets.includes(target)).map((v) => v.key);
  const author = d.commitAuthor ? ` (${d.commitAuthor})` : "";
  const commit = d.commitSha ? `${d.commitSha.slice(0, 7)} ${(d.commitMessage ?? "").split("\n")[0]}${author}` : "-";
  return [
    ["status", statusLine(d)],
    ["app", `${d.app} (branch ${d.branch}, trigger ${d.trigger})`],
    ["commit", commit],
    ["image", d.imageTag ?? "-"],
    ["port", d.port === null ? "-" : String(d.port)],
    ["url", d.url ?? "- (no container of its own runs)"],
    ...(d.previewUrl ? ([["preview url", d.previewUrl]] as [string, string][]) : []),
    ["production url", `${app.url}${d.isProduction ? "" : dim(" (another deployment is live there)")}`],
    ["created", `${d.createdAt} (${age(d.createdAt)} ago)`],
    ["duration", d.durationMs === null ? "-" : duration(d.durationMs)],
    [`env keys`, `${keys.length ? keys.join(", ") : "none"} ${dim(`(the app's ${target} vars as set now)`)}`],
  ];
}

export const inspect: Command = {
  name: "inspect",
  usage: "pier inspect <deployment> [--app APP] [--json]",
  summary: "One deployment: status and reason, phases, image, URLs, env keys (never values)",
  details: [
    "<deployment> is an id, a short id or a unique prefix; --app looks it up in that app only.",
    "--json prints the API's deployment; its env keys are in pier env list <app> --json.",
  ],
  async run(args, context) {
    const { values, positionals } = parseCommand("inspect", {
      args,
      options: { ...COMMON_OPTIONS, app: { type: "string" } },
      allowPositionals: true,
      strict: true,
    });
    const [ref] = requirePositionals("inspect", positionals, ["deployment"]) as [string];
    const client = await context.client();
    const deployment = await resolveDeployment(client, ref, values.app);
    if (values.json) return printJson(deployment);
    const [app, env] = await Promise.all([client.getApp(deployment.app), client.listEnv(deployment.app, false)]);
    print(`Deployment ${bold(deployment.shortId)} ${dim(deployment.id)}`);
    const all = rows(deployment, app, env);
    const width = Math.max(...all.map(([label]) => label.length));
    for (const [label, value] of all) print(`  ${dim(label.padEnd(width))}  ${value}`);
    const phases = phaseRows(deployment.phases);
    if (phases.length === 0) return;
    print("Phases:");
    const phaseWidth = Math.max(...phases.map(([phase]) => phase.length));
    for (const [phase, took] of phases) print(`  ${phase.padEnd(phaseWidth)}  ${took.padStart(7)}`);
  },
};
