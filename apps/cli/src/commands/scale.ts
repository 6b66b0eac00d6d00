import { COMMON_OPTIONS, parseCommand, requirePositionals, type Command } from "../command.ts";
import { UsageError } from "../errors.ts";
import { bold, dim, info, print, printJson } from "../output.ts";
import type { BodyOf } from "../types.ts";
import { describeReplicas } from "./apps.ts";
import { report, waitWithLog } from "./deploy.ts";

type ScaleChange = BodyOf<"/api/apps/{name}/scale", "post">;

/** "512", "512m", "1g" → MB; "default" → null (the operator's default). Bounds are the API's to check. */
function megabytes(raw: string): number | null {
  if (raw === "default") return null;
  const match = /^(\d+)\s*(m|mb|g|gb)?$/i.exec(raw);
  if (!match)
    throw new UsageError(`--memory must be a size in MB such as 512, 512m or 1g, or default, not "${raw}"`, "scale");
  return Number(match[1]) * (match[2]?.toLowerCase().startsWith("g") ? 1024 : 1);
}

/** "0.5", "2" → CPUs; "default" → null. */
function cpuCount(raw: string): number | null {
  if (raw === "default") return null;
  if (!/^\d*\.?\d+$/.test(raw))
    throw new UsageError(`--cpu must be a number of CPUs such as 0.5 or 2, or default, not "${raw}"`, "scale");
  return Number(raw);
}

/** The replica count as typed: a whole number, 0 or more. */
function replicaCount(raw: string): number {
  if (/^-\d+$/.test(raw)) throw new UsageError(`replicas must be 0 or more, not ${raw}`, "scale");
  if (!/^\d+$/.test(raw)) throw new UsageError(`replicas must be a whole number, not "${raw}"`, "scale");
  return Number(raw);
}

export const scale: Command = {
  name: "scale",
  usage: "pier scale [app] [replicas] [--memory <MB>] [--cpu <n>] [--wait] [--json]",
  summary: "Run this many production replicas (0 stops the app), or give each more or less memory and CPU",
  details: [
    "A replica count takes effect at once, no build and no new deployment. Scale-down takes replicas off the " +
      "router first and lets them drain. Pier keeps the count: lost replicas are replaced.",
    "--memory 512 (MB; or 1g) and --cpu 0.5 set each replica's limits in the app's settings ('default' resets " +
      "one) and redeploy production's image with them (no build, no downtime); --wait follows that redeploy until " +
      "it is live (exit 1 if it fails). pier.json's resources, if set, win at the next build.",
    "While an autoscale policy is on, the API refuses a count (409): change its --min/--max, or turn it off, " +
      "with pier autoscale.",
  ],
  async run(args, context) {
    const { values, positionals } = parseCommand("scale", {
      args,
      options: {
        ...COMMON_OPTIONS,
        memory: { type: "string" },
        cpu: { type: "string" },
        cpus: { type: "string" },
        wait: { type: "boolean" },
      },
      allowPositionals: true,
      strict: true,
    });
    const cpu = values.cpu ?? values.cpus;
    const change: ScaleChange = {};
    if (values.memory !== undefined) change.memoryMb = megabytes(values.memory);
    if (cpu !== undefined) change.cpus = cpuCount(cpu);
    const limits = values.memory !== undefined || cpu !== undefined;
    // With --memory/--cpu the count may be left out: `pier scale web --memory 1g`, `pier scale 3 --cpu 1` (linked).
    const counted = !limits || positionals.length === 2 || /^-?\d+$/.test(positionals[0] ?? "");
    const [app, count] = requirePositionals("scale", positionals, counted ? ["app", "replicas"] : ["app"]);
    if (count !== undefined) change.replicas = replicaCount(count);
    const client = await context.client();
    const result = await client.scale(app!, change);
    const { redeploy } = result;
    if (values.wait && redeploy) {
      if (count !== undefined) info(`Scaled ${app}: ${describeReplicas(result.replicas)}`);
      info(result.resources?.message ?? redeploy.message);
      await waitWithLog(client, redeploy, values.json === true);
      const final = await client.getDeployment(redeploy.id);
      if (values.json) printJson({ ...result, redeploy: final });
      return report(client, final, values.json === true);
    }
    if (values.json) return printJson(result);
    if (count !== undefined) print(`Scaled ${bold(app!)}: ${describeReplicas(result.replicas)}`);
    if (result.started.length) print(dim(`  started replica ${result.started.map((i) => `#${i}`).join(", ")}`));
    if (result.stopped.length)
      print(dim(`  drained and stopped replica ${result.stopped.map((i) => `#${i}`).join(", ")}`));
    if (result.resources) print(result.resources.message);
    if (redeploy) print(dim(`  follow: pier logs ${redeploy.id} --follow (or add --wait)`));
  },
};
