import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { build } from "esbuild";
import {
  blockCommands,
  docBlocks,
  extractBlocks,
  isNorun,
  isRun,
  isShell,
  REPO_ROOT,
  runBy,
} from "../support/doc-blocks.ts";
import { createTestRepo, nodeAppFiles, type TestRepo } from "../support/git-repo.ts";
import { startPlatform, testConfig, type Platform } from "../support/platform.ts";

/**
 * Blocks the docs may mark `sh norun` (starting the platform, installing, curl examples, a production machine's
 * chores, commands still being written). Raise it only for a block no test can run; lower it when one becomes
 * runnable.
 */
const NORUN_BUDGET = 9;

/** Where beforeAll bundles the CLI: one file run by plain Node, as `npm install -g` of the package gets it. */
let pierBin = "";

/**
 * The CLI as its package ships it (apps/cli/build.ts bundles the same way), built into `dir`: started once per
 * command, the bundle takes a fraction of what compiling the sources with tsx does.
 */
async function bundleCli(dir: string): Promise<string> {
  const outfile = path.join(dir, "pier.mjs");
  await build({
    entryPoints: [path.join(REPO_ROOT, "apps/cli/src/main.ts")],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    logLevel: "warning",
  });
  return outfile;
}

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** `pier` as a reader runs it: from a directory of their own, with what `pier login` saved. */
function runPier(argv: string[], cwd: string, configHome: string): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env, XDG_CONFIG_HOME: configHome, NO_COLOR: "1" };
  delete env.PIER_API_URL;
  delete env.PIER_TOKEN;
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [pierBin, ...argv],
      { cwd, env, timeout: 170_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : -1) : 0;
        resolve({ code, stdout: String(stdout), stderr: String(stderr) });
      },
    );
    child.stdin?.end();
  });
}

/** The command names `pier help` lists ("apps create", "env set", …). */
function helpCommands(help: string): string[] {
  const section = help.split("\nCommands:\n")[1]?.split("\n\n")[0] ?? "";
  return section
    .split("\n")
    .map((line) => /^ {2}(\S+(?: \S+)*?) {2,}/.exec(line)?.[1])
    .filter((name): name is string => name !== undefined && name !== "help");
}

const blocks = docBlocks();
const runnable = blocks.filter(isRun).flatMap(blockCommands);
let bundleDir = "";

beforeAll(async () => {
  bundleDir = await mkdtemp(path.join(tmpdir(), "pier-docs-cli-"));
  pierBin = await bundleCli(bundleDir);
});
afterAll(async () => {
  if (bundleDir) await rm(bundleDir, { recursive: true, force: true });
});

describe("the docs' fenced blocks", () => {
  it("are read as the convention says: sh runs, sh norun doesn't, comments and quotes as a shell has them", () => {
    const markdown = [
      "```sh",
      "pier env set my-app 'A=b c' \\",
      '  "D=e" # a comment',
      "",
      "pier apps # list",
      "```",
      "```sh norun",
      "npm start",
      "```",
      "~~~json",
      "{}",
      "~~~",
    ].join("\n");
    const [run, norun, json] = extractBlocks("x.md", markdown);
    expect([run, norun, json].map((block) => block && [isRun(block), isNorun(block)])).toEqual([
      [true, false],
      [false, true],
      [false, false],
    ]);
    expect(blockCommands(run!)).toEqual([
      {
        where: "x.md:2",
        text: "pier env set my-app 'A=b c' \"D=e\"",
        argv: ["pier", "env", "set", "my-app", "A=b c", "D=e"],
      },
      { where: "x.md:5", text: "pier apps", argv: ["pier", "apps"] },
    ]);
  });

  it("marks what can't run `sh norun`, within a short budget, and runs only pier commands", () => {
    const norun = blocks.filter(isNorun);
    const list = norun.map((block) => `${block.file}:${block.line}`);
    expect(list.length, `norun blocks:\n${list.join("\n")}`).toBeLessThanOrEqual(NORUN_BUDGET);
    const strangers = blocks.filter(
      (block) =>
        isShell(block) && block.info.some((w) => !["sh", "bash", "norun"].includes(w) && !w.startsWith("run-by=")),
    );
    expect(strangers.map((block) => `${block.file}:${block.line}`)).toEqual([]);
    // A block another test runs names a test that exists and reads it.
    for (const block of blocks.filter((b) => runBy(b) !== null)) {
      const test = path.join(REPO_ROOT, "tests/e2e", runBy(block)!);
      expect(existsSync(test), `${block.file}:${block.line}: no ${test}`).toBe(true);
      expect(readFileSync(test, "utf8"), `${block.file}:${block.line}`).toContain(`run-by=${runBy(block)}`);
    }
    const notPier = runnable.filter((command) => command.argv[0] !== "pier");
    expect(
      notPier.map((command) => `${command.where}: ${command.text}`),
      "a run block holds only pier commands: mark the block `sh norun`",
    ).toEqual([]);
    // The README's first deploy is run, so a newcomer's path can't rot.
    expect(runnable.filter((command) => command.where.startsWith("README.md")).map((c) => c.argv[1])).toEqual(
      expect.arrayContaining(["login", "apps", "deploy"]),
    );
  });

  it("documents every command pier help lists in the CLI guide", async () => {
    const help = await runPier(["help"], tmpdir(), tmpdir());
    expect(help.code).toBe(0);
    const commands = helpCommands(help.stdout);
    expect(commands.length).toBeGreaterThan(20);
    const guide = await readFile(path.join(REPO_ROOT, "docs/user-guide/cli.md"), "utf8");
    expect(commands.filter((command) => !guide.includes(`pier ${command}`))).toEqual([]);
  });
});

describe("the docs' commands against a real platform", () => {
  let platform: Platform;
  let repo: TestRepo;
  let apiUrl: string;
  let workDir: string;
  let configHome: string;
  const name = `docs-${randomBytes(3).toString("hex")}`;

  /** What the docs write, as this test platform has it. */
  async function substitute(word: string): Promise<string> {
    if (word === "<deployment>") {
      const res = await platform.api.inject({ url: `/api/apps/${name}/deployments`, headers: platform.auth });
      const [latest] = res.json().deployments as Array<{ id: string }>;
      if (!latest) throw new Error(`${name} has no deployment for <deployment>`);
      return latest.id;
    }
    if (word === "<schedule>") {
      const res = await platform.api.inject({ url: `/api/apps/${name}/schedules`, headers: platform.auth });
      const newest = (res.json().schedules as Array<{ id: string }>).at(-1);
      if (!newest) throw new Error(`${name} has no schedule for <schedule>`);
      return newest.id;
    }
    return word
      .replaceAll("https://github.com/you/my-app.git", repo.url)
      .replaceAll("http://127.0.0.1:3000", apiUrl)
      .replaceAll("pier-dev-admin-token", platform.config.PIER_ADMIN_TOKEN)
      .replaceAll("my-ci-token", `${name}-ci`)
      .replaceAll("my-app", name)
      .replaceAll("example.com", `${name}.example.com`);
  }

  beforeAll(async () => {
    workDir = await mkdtemp(path.join(tmpdir(), "pier-docs-"));
    configHome = await mkdtemp(path.join(tmpdir(), "pier-docs-config-"));
    platform = await startPlatform(testConfig());
    // The platform's API answers in-process (inject); the CLI needs it on a port.
    await platform.api.listen({ host: "127.0.0.1", port: 0 });
    apiUrl = `http://127.0.0.1:${(platform.api.server.address() as AddressInfo).port}`;
    repo = await createTestRepo(nodeAppFiles("hello from the docs"));
  });

  afterAll(async () => {
    if (platform) {
      // What the docs' commands made that outlives the app: tokens and channels (names and URLs carry the app's).
      const api = (method: "GET" | "DELETE", url: string) =>
        platform.api.inject({ method, url, headers: platform.auth });
      await api("DELETE", `/api/apps/${name}`);
      for (const token of (await api("GET", "/api/tokens")).json().tokens as Array<{ id: string; name: string }>) {
        if (token.name.startsWith(name)) await api("DELETE", `/api/tokens/${token.id}`);
      }
      const channels = (await api("GET", "/api/notifications")).json().channels as Array<{ id: string; url: string }>;
      for (const channel of channels) {
        if (channel.url.includes(name)) await api("DELETE", `/api/notifications/${channel.id}`);
      }
      await platform.close();
    }
    await repo?.remove();
    for (const dir of [workDir, configHome]) if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("runs every command of every sh block against a real platform, in order, each exiting 0", async () => {
    const failures: string[] = [];
    for (const command of runnable) {
      const argv = await Promise.all(command.argv.slice(1).map(substitute));
      const result = await runPier(argv, workDir, configHome);
      if (result.code === 0) continue;
      failures.push(`${command.where}: ${command.text} → exit ${result.code}\n${result.stderr}${result.stdout}`);
      // The first deploy failing would fail everything after it: say so once.
      if (argv[0] === "deploy") break;
    }
    expect(failures).toEqual([]);
    expect(runnable.length).toBeGreaterThan(30);
    // About 70 CLI starts and two deploys: under a minute on a quiet machine, far more on a loaded one.
  }, 600_000);
});
