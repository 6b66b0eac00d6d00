import { COMMON_OPTIONS, parseCommand, parseLimit, requirePositionals, type Command } from "../command.ts";
import { age, green, print, printJson, red, table, truncate, yellow } from "../output.ts";
import type { DeliveryDto } from "../types.ts";

const OUTCOME_COLORS: Record<DeliveryDto["outcome"], (text: string) => string> = {
  deployed: green,
  caught: yellow,
  ignored: (text) => text,
  stopped: (text) => text,
  rejected: red,
};

export const deliveries: Command = {
  name: "deliveries",
  usage: "pier deliveries <app> [--limit N] [--json]",
  summary: "The app's last GitHub webhook deliveries, newest first, and what Pier did with each",
  details: [
    "deployed: a deployment was queued; ignored and rejected say why; caught: no delivery came and the head check",
    "found the push. A delivery that never shows here never reached Pier: see the webhook's page on GitHub.",
  ],
  async run(args, context) {
    const { values, positionals } = parseCommand("deliveries", {
      args,
      options: { ...COMMON_OPTIONS, limit: { type: "string", short: "n" } },
      allowPositionals: true,
      strict: true,
    });
    const [name] = requirePositionals("deliveries", positionals, ["app"]) as [string];
    const limit = parseLimit(values.limit, { fallback: 20, max: 1000, command: "deliveries" });
    const result = await (await context.client()).listDeliveries(name, limit);
    if (values.json) return printJson(result);
    if (result.deliveries.length === 0)
      return print(`No deliveries to ${name} yet (pier apps show ${name} prints the webhook to set up on GitHub).`);
    print(
      table(
        ["AGE", "EVENT", "OUTCOME", "COMMIT", "DEPLOYMENT", "WHY"],
        result.deliveries.map((d) => [
          age(d.receivedAt),
          d.event,
          OUTCOME_COLORS[d.outcome](d.outcome),
          d.commitSha?.slice(0, 12) ?? "-",
          d.deployment ? `${d.deployment.shortId} ${d.deployment.status.toLowerCase()}` : "-",
          truncate(d.reason ?? d.deployment?.reason ?? "", 90),
        ]),
      ),
    );
  },
};
