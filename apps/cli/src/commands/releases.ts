import { COMMON_OPTIONS, parseCommand, parseLimit, requirePositionals, type Command } from "../command.ts";
import { age, print, printJson, table, truncate } from "../output.ts";
import type { ResponseOf } from "../types.ts";

type Release = ResponseOf<"/api/apps/{name}/releases", "get">["releases"][number];
const flagText = (value: string | number | boolean | null, none: string) =>
  value === null ? none : typeof value === "string" ? value : JSON.stringify(value);

/** A flags change is an event on production: what it changed (flags: NEW_CHECKOUT false → true), not a move. */
export const releaseNote = (r: Release) =>
  r.changes
    ? `flags: ${r.changes
        .map((c) => `${c.key} ${flagText(c.from, "(unset)")} → ${flagText(c.to, "(removed)")}`)
        .join(", ")}`
    : (r.reason ?? "");

export const releases: Command = {
  name: "releases",
  usage: "pier releases <app> [--limit N] [--json]",
  summary: "The app's production history: deploys, rollbacks, promotions, flags changes (* marks the live one)",
  details: ["Put an earlier one back with pier rollback <app> <deployment>."],
  async run(args, context) {
    const { values, positionals } = parseCommand("releases", {
      args,
      options: { ...COMMON_OPTIONS, limit: { type: "string", short: "n" } },
      allowPositionals: true,
      strict: true,
    });
    const [app] = requirePositionals("releases", positionals, ["app"]) as [string];
    const limit = parseLimit(values.limit, { fallback: 20, max: 200, command: "releases" });
    const path = `/api/apps/${encodeURIComponent(app)}/releases`;
    const answer = await (await context.client()).request<ResponseOf<"/api/apps/{name}/releases", "get">>("GET", path);
    const result = { releases: answer.releases.slice(0, limit) };
    if (values.json) return printJson(result);
    if (result.releases.length === 0) return print(`No releases of ${app} yet: the first deploy that goes live is v1`);
    print(
      table(
        ["", "RELEASE", "KIND", "CAUSE", "DEPLOYMENT", "FROM", "AGE", "REASON"],
        result.releases.map((r) => [
          r.isCurrent ? "*" : "",
          r.name,
          r.kind,
          r.cause,
          r.to.shortId,
          r.changes ? "-" : (r.from?.shortId ?? "-"),
          age(r.createdAt),
          truncate(releaseNote(r), 60),
        ]),
      ),
    );
  },
};
