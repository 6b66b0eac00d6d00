import { COMMON_OPTIONS, parseCommand, requirePositionals, type Command } from "../command.ts";
import { UsageError } from "../errors.ts";
import { bold, dim, print, printJson } from "../output.ts";
import { describeReplicas } from "./apps.ts";

const NO_LIMITS =
  "the scale API sets the replica count only: set memory and CPU limits in pier.json " +
  '(resources: { "memory": 512, "cpus": 0.5 }, on the next deploy), and what one replica counts as needing ' +
  "with pier apps settings <app> --memory-request 512m";

export const scale: Command = {
  name: "scale",
  usage: "pier scale <app> <replicas> [--json]",
  summary: "Run this many production replicas (0 stops the app): no build, no new deployment",
  details: [
    "Scale-down takes replicas off the router first and lets them drain. " +
      "Pier keeps the count: lost replicas are replaced.",
    "While an autoscale policy is on, the API refuses (409): " +
      "change its --min/--max, or turn it off, with pier autoscale.",
    "The scale API sets the count only: a replica's memory and CPU limits are pier.json's resources.memory and " +
      "resources.cpus (next deploy); what one counts as needing: pier apps settings <app> --memory-request 512m.",
  ],
  async run(args, context) {
    const { values, positionals } = parseCommand("scale", {
      args,
      options: { ...COMMON_OPTIONS, memory: { type: "string" }, cpu: { type: "string" }, cpus: { type: "string" } },
      allowPositionals: true,
      strict: true,
    });
    if (values.memory !== undefined || values.cpu !== undefined || values.cpus !== undefined)
      throw new UsageError(NO_LIMITS, "scale");
    const [app, count] = requirePositionals("scale", positionals, ["app", "replicas"]) as [string, string];
    if (/^-\d+$/.test(count)) throw new UsageError(`replicas must be 0 or more, not ${count}`, "scale");
    if (!/^\d+$/.test(count)) throw new UsageError(`replicas must be a whole number, not "${count}"`, "scale");
    const result = await (await context.client()).scale(app, Number(count));
    if (values.json) return printJson(result);
    print(`Scaled ${bold(app)}: ${describeReplicas(result.replicas)}`);
    if (result.started.length) print(dim(`  started replica ${result.started.map((i) => `#${i}`).join(", ")}`));
    if (result.stopped.length)
      print(dim(`  drained and stopped replica ${result.stopped.map((i) => `#${i}`).join(", ")}`));
  },
};
