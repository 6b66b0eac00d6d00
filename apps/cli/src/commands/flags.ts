import { COMMON_OPTIONS, parseCommand, requirePositionals, type Command } from "../command.ts";
import { UsageError } from "../errors.ts";
import { dim, info, print, printJson, table } from "../output.ts";
import type { BodyOf, ResponseOf } from "../types.ts";

type Flags = ResponseOf<"/api/apps/{name}/flags", "get">["flags"];
type FlagValue = Flags[string];

const flagsPath = (app: string) => `/api/apps/${encodeURIComponent(app)}/flags`;
/** A number as JSON writes one: 20, -1.5, 1e3 (not 0x10, not " 7"). */
const NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/;
const SEEN = "Running apps see it in /run/pier/flags.json within seconds; PIER_FLAG_ env vars at their next start.";

/** true/false and numbers as such, anything else a string; with --string, every value a string. */
export function parseFlagValue(raw: string, asString: boolean): FlagValue {
  if (asString) return raw;
  if (raw === "true" || raw === "false") return raw === "true";
  return NUMBER.test(raw) && Number.isFinite(Number(raw)) ? Number(raw) : raw;
}

const shown = (value: FlagValue) => (typeof value === "string" ? value : JSON.stringify(value));
const kindOf = (value: FlagValue) => (typeof value === "boolean" ? "bool" : typeof value);

function printFlags(app: string, flags: Flags) {
  const entries = Object.entries(flags);
  if (entries.length === 0) return print(`No flags on ${app}: pier flags set ${app} KEY=value`);
  print(
    table(
      ["KEY", "VALUE", "TYPE"],
      entries.map(([key, value]) => [key, shown(value), kindOf(value)]),
    ),
  );
}

export const flags: Command = {
  name: "flags",
  usage: "pier flags [app] [--json]",
  summary: "List the app's feature flags",
  details: ["Apps read them live from /run/pier/flags.json, and as PIER_FLAG_<KEY> env vars when they start."],
  async run(args, context) {
    const { values, positionals } = parseCommand("flags", {
      args,
      options: COMMON_OPTIONS,
      allowPositionals: true,
      strict: true,
    });
    const [app] = requirePositionals("flags", positionals, ["app"]) as [string];
    const client = await context.client();
    const result = await client.request<ResponseOf<"/api/apps/{name}/flags", "get">>("GET", flagsPath(app));
    if (values.json) return printJson(result);
    printFlags(app, result.flags);
  },
};

export const flagsSet: Command = {
  name: "flags set",
  usage: "pier flags set [app] KEY=value... [--string] [--json]",
  summary: "Set feature flags (others keep their values): live in running apps, no build, no restart",
  details: [
    "true and false are booleans, numbers (20, -1.5) numbers, anything else a string; --string keeps every value a",
    "string. Each change is in the audit log and the app's releases (a FLAGS event).",
  ],
  async run(args, context) {
    const { values, positionals } = parseCommand("flags set", {
      args,
      options: { ...COMMON_OPTIONS, string: { type: "boolean" } },
      allowPositionals: true,
      strict: true,
    });
    const [app, ...pairs] = requirePositionals("flags set", positionals, ["app", "KEY=value"], { rest: true }) as [
      string,
      ...string[],
    ];
    const body: BodyOf<"/api/apps/{name}/flags", "put"> = { flags: {} };
    for (const pair of pairs) {
      const at = pair.indexOf("=");
      if (at <= 0) throw new UsageError(`expected KEY=value, got ${pair}`, "flags set");
      body.flags[pair.slice(0, at)] = parseFlagValue(pair.slice(at + 1), values.string === true);
    }
    const client = await context.client();
    const result = await client.request<ResponseOf<"/api/apps/{name}/flags", "put">>("PUT", flagsPath(app), body);
    if (values.json) return printJson(result);
    const set = Object.entries(body.flags).map(([key, value]) => `${key}=${shown(value)}`);
    print(`Set ${set.join(", ")} on ${app}.`);
    info(dim(SEEN, process.stderr));
  },
};

export const flagsRemove: Command = {
  name: "flags rm",
  usage: "pier flags rm [app] KEY... [--json]",
  summary: "Remove feature flags",
  async run(args, context) {
    const { values, positionals } = parseCommand("flags rm", {
      args,
      options: COMMON_OPTIONS,
      allowPositionals: true,
      strict: true,
    });
    const [app, ...keys] = requirePositionals("flags rm", positionals, ["app", "KEY"], { rest: true }) as [
      string,
      ...string[],
    ];
    const client = await context.client();
    let result: ResponseOf<"/api/apps/{name}/flags/{key}", "delete"> | undefined;
    for (const key of keys)
      result = await client.request<ResponseOf<"/api/apps/{name}/flags/{key}", "delete">>(
        "DELETE",
        `${flagsPath(app)}/${encodeURIComponent(key)}`,
      );
    if (values.json) return printJson(result);
    print(`Removed ${keys.join(", ")} from ${app}.`);
    info(dim(SEEN, process.stderr));
  },
};
