import { COMMON_OPTIONS, parseCommand, requirePositionals, type Command } from "../command.ts";
import { CliError, EXIT, UsageError } from "../errors.ts";
import { age, bold, dim, print, printJson, table, truncate } from "../output.ts";
import { resolveAppDeployment } from "../resolve.ts";
import type { BodyOf, ResponseOf } from "../types.ts";

type Rollouts = ResponseOf<"/api/apps/{name}/rollouts", "get">;
type Current = NonNullable<Rollouts["current"]>;
type Figures = Current["versions"]["candidate"];
type StartInput = BodyOf<"/api/apps/{name}/rollouts", "post">;

const rolloutsPath = (app: string) => `/api/apps/${encodeURIComponent(app)}/rollouts`;

/** "5,25,50,100" → [5, 25, 50, 100]; the API says what is wrong with the numbers themselves. */
function stepList(raw: string): number[] {
  const parts = raw.split(",").map((p) => p.trim().replace(/%$/, ""));
  if (parts.some((p) => !/^\d+(\.\d+)?$/.test(p)))
    throw new UsageError(
      `--steps must be percentages separated by commas, such as 5,25,50,100, not "${raw}"`,
      "rollout start",
    );
  return parts.map(Number);
}

/** A number an option takes, or a usage error naming the option. */
function numberOption(option: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^-?\d*\.?\d+$/.test(raw)) throw new UsageError(`--${option} must be a number, not "${raw}"`, "rollout start");
  return Number(raw);
}

/** "1.2 % 5xx, p95 84 ms (420 requests)", or "no requests". */
export function figuresWords(figures: Figures): string {
  if (figures.requests === 0) return "no requests";
  const rate = figures.errorRate === null ? "-" : `${(figures.errorRate * 100).toFixed(1)} % 5xx`;
  const p95 = figures.p95Ms === null ? "-" : `p95 ${Math.round(figures.p95Ms)} ms`;
  return `${rate}, ${p95} (${figures.requests} requests)`;
}

/** "limits: 1.0 % 5xx, p95 500 ms", "no gate (the timer alone)". */
function gateWords(gate: Current["gate"]): string {
  if (!gate || (gate.maxErrorRate === undefined && gate.maxP95Ms === undefined)) return "no gate (the timer alone)";
  const limits = [
    ...(gate.maxErrorRate !== undefined ? [`${(gate.maxErrorRate * 100).toFixed(1)} % 5xx`] : []),
    ...(gate.maxP95Ms !== undefined ? [`p95 ${gate.maxP95Ms} ms`] : []),
  ];
  return `limits ${limits.join(", ")}${gate.minRequests ? `, judged on ${gate.minRequests}+ requests` : ""}`;
}

function printCurrent(app: string, current: Current): void {
  const step = `step ${current.stepIndex + 1} of ${current.steps.length} (${current.steps.join(" → ")} %)`;
  print(`${bold(app)}: rollout ${current.id} ${current.state.toLowerCase()}, ${step}`);
  print(
    `  split: ${current.candidate.shortId} (candidate) ${current.weight} % · ` +
      `${current.base.shortId} (production) ${100 - current.weight} % of new clients`,
  );
  print(`  gate: ${gateWords(current.gate)}; this step so far: ${figuresWords(current.gateFigures)}`);
  print(
    `  last minute: candidate ${figuresWords(current.versions.candidate)}; ` +
      `production ${figuresWords(current.versions.base)}`,
  );
  if (current.nextStepAt)
    print(
      dim(`  next step ${age(new Date().toISOString(), Date.parse(current.nextStepAt))} from now, if the gate passes`),
    );
  if (current.reason) print(dim(`  ${current.reason}`));
}

export const rolloutStatus: Command = {
  name: "rollout",
  usage: "pier rollout [app] [--json]",
  summary: "The app's gradual rollout now (step, split, each version's error rate and p95) and earlier ones",
  details: ["Start one with pier rollout start; pause, resume, promote or abort it with pier rollout <action>."],
  async run(args, context) {
    const { values, positionals } = parseCommand("rollout", {
      args,
      options: COMMON_OPTIONS,
      allowPositionals: true,
      strict: true,
    });
    const [app] = requirePositionals("rollout", positionals, ["app"]) as [string];
    const result = await (await context.client()).request<Rollouts>("GET", rolloutsPath(app));
    if (values.json) return printJson(result);
    if (result.current) printCurrent(app, result.current);
    else print(`No rollout of ${app} is running: pier rollout start ${app} <deployment> --steps 5,25,50,100`);
    if (result.history.length === 0) return;
    print("");
    print(
      table(
        ["ROLLOUT", "STATE", "CANDIDATE", "STEPS", "AGE", "REASON"],
        result.history.map((r) => [
          r.id,
          r.state,
          r.candidate.shortId,
          r.steps.join(","),
          age(r.createdAt),
          truncate(r.reason ?? "", 70),
        ]),
      ),
    );
  },
};

export const rolloutStart: Command = {
  name: "rollout start",
  usage:
    "pier rollout start [app] <deployment> [--steps 5,25,50,100] [--interval 300] [--max-error-rate 0.01] " +
    "[--max-p95 500] [--min-requests 20] [--json]",
  summary: "Roll a deployment out gradually: a share of new clients per step, gated on its own errors and p95",
  details: [
    "<deployment> is a deployment id or short id of this app. It must be READY, running and not production: " +
      "deploy it with pier deploy --no-promote (staged). " +
      "It gets each step's share of new clients (sticky per client) for --interval seconds; the next step comes " +
      "once the gate passed on its own traffic since the step began; at 100 % it becomes production.",
    "A gate over its limits at any time (--max-error-rate: share of 5xx; --max-p95: ms) aborts: all traffic back " +
      "to production, the candidate stopped, an alert. The gate judges a step on at least --min-requests " +
      "requests (default 20); until then the step waits for traffic.",
  ],
  async run(args, context) {
    const { values, positionals } = parseCommand("rollout start", {
      args,
      options: {
        ...COMMON_OPTIONS,
        steps: { type: "string" },
        interval: { type: "string" },
        "max-error-rate": { type: "string" },
        "max-p95": { type: "string" },
        "min-requests": { type: "string" },
      },
      allowPositionals: true,
      strict: true,
    });
    const [app, deployment] = requirePositionals("rollout start", positionals, ["app", "deployment"]) as [
      string,
      string,
    ];
    const gate = {
      maxErrorRate: numberOption("max-error-rate", values["max-error-rate"]),
      maxP95Ms: numberOption("max-p95", values["max-p95"]),
      minRequests: numberOption("min-requests", values["min-requests"]),
    };
    const gated = Object.values(gate).some((v) => v !== undefined);
    // Options are read before anything is asked of the API: a typo is a usage error (exit 2), at once.
    const steps = stepList(values.steps ?? "5,25,50,100");
    const intervalSeconds = numberOption("interval", values.interval) ?? 300;
    const client = await context.client();
    const body: StartInput = {
      deploymentId: (await resolveAppDeployment(client, app, deployment)).id,
      steps,
      intervalSeconds,
      ...(gated ? { gate: JSON.parse(JSON.stringify(gate)) } : {}),
    };
    const started = await client.request<Current>("POST", rolloutsPath(app), body);
    if (values.json) return printJson(started);
    printCurrent(app, started);
    print(dim(`  follow: pier rollout ${app}`));
  },
};

/** pause, resume, promote, abort: each the same shape, on the app's current rollout. */
function control(action: "pause" | "resume" | "promote" | "abort", summary: string, done: string): Command {
  const name = `rollout ${action}`;
  return {
    name,
    usage: `pier rollout ${action} [app] [--json]`,
    summary,
    async run(args, context) {
      const { values, positionals } = parseCommand(name, {
        args,
        options: COMMON_OPTIONS,
        allowPositionals: true,
        strict: true,
      });
      const [app] = requirePositionals(name, positionals, ["app"]) as [string];
      const client = await context.client();
      const { current } = await client.request<Rollouts>("GET", rolloutsPath(app));
      if (!current) throw new CliError(`${app} has no running or paused rollout`, EXIT.notFound);
      const after = await client.request<Rollouts["history"][number]>(
        "POST",
        `${rolloutsPath(app)}/${encodeURIComponent(current.id)}/${action}`,
      );
      if (values.json) return printJson(after);
      print(`${bold(app)}: rollout ${after.id} ${done} (candidate ${after.candidate.shortId} at ${after.weight} %)`);
      if (after.reason) print(dim(`  ${after.reason}`));
    },
  };
}

export const rolloutPause = control(
  "pause",
  "Hold the app's rollout on its step (the split stays; a failing gate still aborts)",
  "paused",
);
export const rolloutResume = control("resume", "Let the app's paused rollout step again", "resumed");
export const rolloutPromote = control(
  "promote",
  "Skip the remaining steps: the candidate becomes production now",
  "promoted",
);
export const rolloutAbort = control(
  "abort",
  "All traffic back to production now; the candidate's replicas stop",
  "aborted",
);
