import { COMMON_OPTIONS, parseCommand, parseLimit, type Command } from "../command.ts";
import { age, print, printJson, red, table } from "../output.ts";
import type { AuditEventDto } from "../types.ts";

const who = (e: AuditEventDto) => (e.actorKind === "token" ? `${e.actor} (token)` : e.actor);

/** `field: from → to`, comma-separated; secrets come from the API as "(hidden)". */
const changed = (e: AuditEventDto) =>
  e.changes
    .map((c) => `${c.field}: ${c.from === null ? "none" : c.from} → ${c.to === null ? "none" : c.to}`)
    .join(", ");

export const audit: Command = {
  name: "audit",
  usage: "pier audit [--app <app>] [--limit N] [--json]",
  summary: "Changes asked of Pier, newest first: who, what, when, the answer (admin scope)",
  details: [
    "Every change through the API, the CLI or the dashboard is recorded, refused ones (403) too; reads are not.",
    "CHANGED lists what a change to an app changed (field: old → new); values of secrets are never shown.",
  ],
  async run(args, context) {
    const { values } = parseCommand("audit", {
      args,
      options: { ...COMMON_OPTIONS, app: { type: "string" }, limit: { type: "string", short: "n" } },
      strict: true,
    });
    const limit = parseLimit(values.limit, { fallback: 50, max: 1000, command: "audit" });
    const result = await (await context.client()).listAudit({ ...(values.app ? { app: values.app } : {}), limit });
    if (values.json) return printJson(result);
    if (result.events.length === 0)
      return print(values.app ? `No changes to ${values.app} recorded.` : "No changes recorded yet.");
    print(
      table(
        ["AGE", "WHO", "WHAT", "APP", "STATUS", "CHANGED"],
        result.events.map((e) => [
          age(e.at),
          who(e),
          `${e.method} ${e.route}`,
          e.target ?? "-",
          e.status >= 400 ? red(String(e.status)) : String(e.status),
          changed(e) || "-",
        ]),
      ),
    );
  },
};
