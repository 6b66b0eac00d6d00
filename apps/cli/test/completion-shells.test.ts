/**
 * `pier completion <shell>` loaded into the real shell, asked what Tab offers: zsh through a pseudo-terminal
 * (zsh-completions.zsh), fish with `complete -C`, bash through its completion variables. zsh and fish come from
 * scripts/setup/test-tools.sh.
 */
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));
const ZSH_DRIVER = fileURLToPath(new URL("zsh-completions.zsh", import.meta.url));

type Shell = "bash" | "zsh" | "fish";

/** What Tab offers after `line` in each shell, one word each, sorted. */
const offers: Record<Shell, (script: string, line: string) => Promise<string[]>> = {
  async bash(script, line) {
    const words = line.split(" ");
    const quoted = words.map((w) => `'${w}'`).join(" ");
    const command =
      `source '${script}'; COMP_WORDS=(${quoted}); COMP_CWORD=${words.length - 1}; _pier; ` +
      `printf '%s\\n' "\${COMPREPLY[@]}"`;
    return lines((await run("bash", ["--norc", "-c", command])).stdout);
  },
  async zsh(script, line) {
    const dump = join(dirname(script), "zcompdump");
    return lines((await run("zsh", ["-f", ZSH_DRIVER, script, line, dump], { timeout: 60_000 })).stdout);
  },
  async fish(script, line) {
    const { stdout } = await run("fish", ["--no-config", "-c", `source '${script}'; complete -C '${line}'`]);
    // fish prints "word<TAB>description".
    return lines(stdout).map((l) => l.split("\t")[0]!);
  },
};

const lines = (text: string) =>
  text
    .split("\n")
    .filter((l) => l !== "")
    .sort();

describe("shell completion in real shells", () => {
  let dir: string;
  const scripts = {} as Record<Shell, string>;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "pier-completion-"));
    for (const shell of ["bash", "zsh", "fish"] as const) {
      const { stdout } = await run(process.execPath, ["--import", "tsx", "apps/cli/src/main.ts", "completion", shell], {
        cwd: repoRoot,
      });
      scripts[shell] = join(dir, `pier.${shell}`);
      await writeFile(scripts[shell], stdout);
    }
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it.each(["bash", "zsh", "fish"] as const)(
    "%s completes commands, subcommands, options and choices",
    async (shell) => {
      const ask = (line: string) => offers[shell](scripts[shell], line);
      expect(await ask("pier de")).toEqual(["deliveries", "deploy", "deployments"]);
      expect(await ask("pier apps ")).toEqual(["create", "delete", "settings", "show"]);
      expect(await ask("pier tokens ")).toEqual(["create", "list", "revoke"]);
      expect(await ask("pier deploy web --w")).toEqual(["--wait"]);
      expect(await ask("pier completion ")).toEqual(["bash", "fish", "zsh"]);
    },
  );
});
