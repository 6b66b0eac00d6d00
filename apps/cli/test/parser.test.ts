import { describe, expect, it } from "vitest";
import { COMMON_OPTIONS, parseCommand } from "../src/command.ts";
import { completionTable } from "../src/completion.ts";
import { COMMANDS } from "../src/commands/index.ts";
import { UsageError } from "../src/errors.ts";
import { closest, didYouMean, editDistance } from "../src/suggest.ts";

const parse = (args: string[]) =>
  parseCommand("test", {
    args,
    options: { ...COMMON_OPTIONS, delay: { type: "string" }, wait: { type: "boolean", short: "w" } },
    allowPositionals: true,
    strict: true,
  });

const usageError = (args: string[]) => {
  try {
    parse(args);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as UsageError).message;
  }
  throw new Error(`parsed: ${args.join(" ")}`);
};

describe("the argument parser", () => {
  it("takes negative numbers as values, in place, as positionals and as option values", () => {
    expect(parse(["app", "-1", "--delay", "-5", "x"])).toMatchObject({
      positionals: ["app", "-1", "x"],
      values: { delay: "-5" },
    });
    expect(parse(["--delay=-0.5", "-.5"])).toMatchObject({ positionals: ["-.5"], values: { delay: "-0.5" } });
  });

  it("leaves what follows -- as it is (a remote command's own arguments)", () => {
    expect(parse(["app", "--", "ls", "-1", "--wait"]).positionals).toEqual(["app", "ls", "-1", "--wait"]);
  });

  it("names a mistyped option's likely meaning, and an option left without its value", () => {
    expect(usageError(["--wiat"])).toBe("unknown option --wiat; did you mean --wait?");
    expect(usageError(["--jsno"])).toBe("unknown option --jsno; did you mean --json?");
    expect(usageError(["--zzzzzz"])).toBe("unknown option --zzzzzz");
    expect(usageError(["--delay"])).toBe("--delay needs a value");
    expect(usageError(["--delay", "--wait"])).toBe("--delay needs a value");
  });
});

describe("did you mean", () => {
  it("counts a swap of two neighbours as one edit", () => {
    expect(editDistance("deploi", "deploy")).toBe(1);
    expect(editDistance("delpoy", "deploy")).toBe(1);
    expect(editDistance("", "abc")).toBe(3);
  });

  it("offers the nearest candidates, or a prefix's, and nothing when nothing is close", () => {
    const commands = COMMANDS.map((c) => c.name.split(" ")[0]!);
    expect(closest("deploi", commands)).toEqual(["deploy"]);
    expect(closest("dep", commands)).toEqual(["deploy", "deployments"]);
    expect(closest("kubectl", commands)).toEqual([]);
    expect(didYouMean("scael", commands)).toBe("; did you mean scale?");
    expect(didYouMean("dep", commands)).toBe("; did you mean deploy or deployments?");
  });
});

describe("the completion table", () => {
  it("holds every command of the table, its subcommands, and the options of its usage line", () => {
    const table = completionTable(COMMANDS);
    const firstWords = new Set(COMMANDS.map((c) => c.name.split(" ")[0]));
    expect(table.commands.map((w) => w.name).sort()).toEqual([...firstWords].sort());
    expect(table.subcommands.get("tokens")?.map((w) => w.name)).toEqual(["create", "list", "revoke"]);
    expect(table.options.get("deploy")).toEqual(expect.arrayContaining(["--wait", "--json", "--help"]));
    expect(table.choices.get("completion")).toEqual(["bash", "zsh", "fish"]);
    expect(table.choices.has("domains")).toBe(false);
  });
});
