import { COMMON_OPTIONS, parseCommand, requirePositionals, type Command } from "../command.ts";
import { UsageError } from "../errors.ts";
import { age, dim, info, print, printJson, table } from "../output.ts";
import type { BodyOf, EnvDto, ResponseOf } from "../types.ts";

export type EnvTarget = EnvDto["vars"][number]["targets"][number];
const TARGETS: readonly EnvTarget[] = ["production", "preview"] satisfies EnvTarget[];
const TARGET_OPTION = { target: { type: "string", short: "t" } } as const;

/** --target production|preview|all; `all` (the default) is undefined: every target. */
export function parseTarget(raw: string | undefined, command: string): EnvTarget | undefined {
  if (raw === undefined || raw === "all") return undefined;
  if ((TARGETS as string[]).includes(raw)) return raw as EnvTarget;
  throw new UsageError(`--target must be production, preview or all, not "${raw}"`, command);
}

const envPath = (app: string) => `/api/apps/${encodeURIComponent(app)}/env`;
const targetWords = (target: EnvTarget | undefined) => (target ? ` (${target})` : "");

export const envSet: Command = {
  name: "env set",
  usage: "pier env set <app> KEY=value... [--target production|preview|all] [--json]",
  summary: "Set env vars (merged with the existing ones; apply to the next deploy)",
  details: ["--target: which deployments get them, production or preview ones; all (the default) both."],
  async run(args, context) {
    const { values, positionals } = parseCommand("env set", {
      args,
      options: { ...COMMON_OPTIONS, ...TARGET_OPTION },
      allowPositionals: true,
      strict: true,
    });
    const [app, ...pairs] = requirePositionals("env set", positionals, ["app", "KEY=value"], { rest: true }) as [
      string,
      ...string[],
    ];
    const target = parseTarget(values.target, "env set");
    const vars: Record<string, string> = {};
    for (const pair of pairs) {
      const at = pair.indexOf("=");
      if (at <= 0) throw new UsageError(`expected KEY=value, got ${pair}`, "env set");
      vars[pair.slice(0, at)] = pair.slice(at + 1);
    }
    const body: BodyOf<"/api/apps/{name}/env", "put"> = { vars, targets: target ? [target] : [...TARGETS] };
    const client = await context.client();
    const result = await client.request<ResponseOf<"/api/apps/{name}/env", "put">>("PUT", envPath(app), body);
    if (values.json) return printJson(result);
    print(`Set ${Object.keys(vars).join(", ")} on ${app}${targetWords(target)}.`);
    info(dim(result.note, process.stderr));
  },
};

export const envUnset: Command = {
  name: "env unset",
  usage: "pier env unset <app> KEY... [--target production|preview|all] [--json]",
  summary: "Remove env vars (apply to the next deploy)",
  details: ["--target removes them from production or preview deployments only; all (the default) from both."],
  async run(args, context) {
    const { values, positionals } = parseCommand("env unset", {
      args,
      options: { ...COMMON_OPTIONS, ...TARGET_OPTION },
      allowPositionals: true,
      strict: true,
    });
    const [app, ...keys] = requirePositionals("env unset", positionals, ["app", "KEY"], { rest: true }) as [
      string,
      ...string[],
    ];
    const target = parseTarget(values.target, "env unset");
    const client = await context.client();
    const query = target ? `?target=${target}` : "";
    let result: EnvDto | undefined;
    for (const key of keys)
      result = await client.request<ResponseOf<"/api/apps/{name}/env/{key}", "delete">>(
        "DELETE",
        `${envPath(app)}/${encodeURIComponent(key)}${query}`,
      );
    if (values.json) return printJson(result);
    print(`Removed ${keys.join(", ")} from ${app}${targetWords(target)}.`);
    if (result) info(dim(result.note, process.stderr));
  },
};

export const envList: Command = {
  name: "env list",
  usage: "pier env list <app> [--target production|preview|all] [--reveal] [--json]",
  summary: "List env vars and their targets (values masked unless --reveal, an admin's)",
  async run(args, context) {
    const { values, positionals } = parseCommand("env list", {
      args,
      options: { ...COMMON_OPTIONS, ...TARGET_OPTION, reveal: { type: "boolean" } },
      allowPositionals: true,
      strict: true,
    });
    const [app] = requirePositionals("env list", positionals, ["app"]) as [string];
    const target = parseTarget(values.target, "env list");
    const answer = await (await context.client()).listEnv(app, values.reveal === true);
    const result = { ...answer, vars: answer.vars.filter((v) => !target || v.targets.includes(target)) };
    if (values.json) return printJson(result);
    if (result.vars.length === 0)
      return print(`No env vars set on ${app}${targetWords(target)}: pier env set ${app} KEY=value`);
    print(
      table(
        ["KEY", "VALUE", "UPDATED", "TARGETS"],
        result.vars.map((v) => [v.key, v.value.replaceAll("\n", "\\n"), age(v.updatedAt), v.targets.join(",")]),
      ),
    );
  },
};
