import { COMMON_OPTIONS, parseCommand, requirePositionals, type Command } from "../command.ts";
import { UsageError } from "../errors.ts";
import { age, dim, info, print, printJson, table } from "../output.ts";
import type { EnvDto } from "../types.ts";

export const envSet: Command = {
  name: "env set",
  usage: "pier env set <app> KEY=value... [--json]",
  summary: "Set env vars (merged with the existing ones; apply to the next deploy)",
  async run(args, context) {
    const { values, positionals } = parseCommand("env set", {
      args,
      options: COMMON_OPTIONS,
      allowPositionals: true,
      strict: true,
    });
    const [app, ...pairs] = requirePositionals("env set", positionals, ["app", "KEY=value"], { rest: true }) as [
      string,
      ...string[],
    ];
    const vars: Record<string, string> = {};
    for (const pair of pairs) {
      const at = pair.indexOf("=");
      if (at <= 0) throw new UsageError(`expected KEY=value, got ${pair}`, "env set");
      vars[pair.slice(0, at)] = pair.slice(at + 1);
    }
    const result = await (await context.client()).setEnv(app, vars);
    if (values.json) return printJson(result);
    const keys = Object.keys(vars);
    print(`Set ${keys.join(", ")} on ${app}.`);
    info(dim(result.note, process.stderr));
  },
};

export const envUnset: Command = {
  name: "env unset",
  usage: "pier env unset <app> KEY... [--json]",
  summary: "Remove env vars (apply to the next deploy)",
  async run(args, context) {
    const { values, positionals } = parseCommand("env unset", {
      args,
      options: COMMON_OPTIONS,
      allowPositionals: true,
      strict: true,
    });
    const [app, ...keys] = requirePositionals("env unset", positionals, ["app", "KEY"], { rest: true }) as [
      string,
      ...string[],
    ];
    const client = await context.client();
    let result: EnvDto | undefined;
    for (const key of keys) result = await client.unsetEnv(app, key);
    if (values.json) return printJson(result);
    print(`Removed ${keys.join(", ")} from ${app}.`);
    if (result) info(dim(result.note, process.stderr));
  },
};

export const envList: Command = {
  name: "env list",
  usage: "pier env list <app> [--reveal] [--json]",
  summary: "List env vars (values masked unless --reveal)",
  async run(args, context) {
    const { values, positionals } = parseCommand("env list", {
      args,
      options: { ...COMMON_OPTIONS, reveal: { type: "boolean" } },
      allowPositionals: true,
      strict: true,
    });
    const [app] = requirePositionals("env list", positionals, ["app"]) as [string];
    const result = await (await context.client()).listEnv(app, values.reveal === true);
    if (values.json) return printJson(result);
    if (result.vars.length === 0) return print(`No env vars set on ${app}: pier env set ${app} KEY=value`);
    print(
      table(
        ["KEY", "VALUE", "UPDATED"],
        result.vars.map((v) => [v.key, v.value.replaceAll("\n", "\\n"), age(v.updatedAt)]),
      ),
    );
  },
};
