import { COMMON_OPTIONS, parseCommand, requirePositionals, type Command } from "../command.ts";
import { UsageError } from "../errors.ts";
import { bold, dim, print, printJson } from "../output.ts";
import { describeReplicas } from "./apps.ts";

export const scale: Command = {
  name: "scale",
  usage: "pier scale <app> <replicas> [--json]",
  summary: "Run this many production replicas (0 stops the app): no build, no new deployment",
  details: [
    "Scale-down takes replicas off the router first and lets them drain. " +
      "Pier keeps the count: lost replicas are replaced.",
    "While an autoscale policy is on, the API refuses (409): " +
      "change its --min/--max, or turn it off, with pier autoscale.",
  ],
  async run(args, context) {
    const { values, positionals } = parseCommand("scale", {
      args,
      options: COMMON_OPTIONS,
      allowPositionals: true,
      strict: true,
    });
    const [app, count] = requirePositionals("scale", positionals, ["app", "replicas"]) as [string, string];
    if (!/^\d+$/.test(count)) throw new UsageError(`replicas must be a whole number, not "${count}"`, "scale");
    const result = await (await context.client()).scale(app, Number(count));
    if (values.json) return printJson(result);
    print(`Scaled ${bold(app)}: ${describeReplicas(result.replicas)}`);
    if (result.started.length) print(dim(`  started replica ${result.started.map((i) => `#${i}`).join(", ")}`));
    if (result.stopped.length)
      print(dim(`  drained and stopped replica ${result.stopped.map((i) => `#${i}`).join(", ")}`));
  },
};
