/**
 * The CLI as a user gets it: `npm pack`ed (prepack builds the bundle), installed with `npm install -g` into an empty
 * prefix, run from a directory outside the checkout with nothing but Node on PATH, against a real API.
 */
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmod, mkdir, mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually } from "../../../tests/support/eventually.ts";
import cliPackage from "../package.json" with { type: "json" };
import { startCliApi, type CliApi } from "./cli-api.ts";

const CLI_DIR = fileURLToPath(new URL("..", import.meta.url));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function exec(file: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<Run> {
  return new Promise((resolve) => {
    execFile(file, args, { ...options, timeout: 60_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === "number" ? error.code : -1) : 0;
      resolve({ code, stdout: String(stdout), stderr: String(stderr) });
    });
  });
}

/** npm itself, offline: the package has no dependencies, so no registry is ever needed. */
async function npm(args: string[], cwd: string): Promise<string> {
  const run = await exec("npm", [...args, "--offline", "--no-audit", "--no-fund", "--no-update-notifier"], { cwd });
  if (run.code !== 0) throw new Error(`npm ${args.join(" ")} failed (${run.code}): ${run.stderr}`);
  return run.stdout;
}

describe("the packed CLI, installed into a clean prefix", () => {
  let cli: CliApi;
  let apiUrl: string;
  let work: string;
  let prefix: string;
  let project: string;
  let configHome: string;
  let packedFiles: string[];
  const app = `cli-inst-${randomBytes(4).toString("hex")}`;
  const tokenName = `cli-inst-${randomBytes(4).toString("hex")}`;
  let deployToken: { id: string; token: string; expiresAt: string };

  /** The installed `pier`, with only Node's own directory on PATH: no tsx, no checkout to lean on. */
  const pier = (args: string[], options: { cwd?: string; env?: Record<string, string> } = {}) =>
    exec(join(prefix, "bin", "pier"), args, {
      cwd: options.cwd ?? project,
      env: {
        PATH: dirname(process.execPath),
        HOME: work,
        XDG_CONFIG_HOME: configHome,
        NO_COLOR: "1",
        PIER_API_URL: apiUrl,
        PIER_TOKEN: cli.config.PIER_ADMIN_TOKEN,
        ...options.env,
      },
    });

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), "pier-cli-install-"));
    [prefix, project] = [join(work, "prefix"), join(work, "project")];
    await mkdir(project);
    cli = await startCliApi(app, "pier-cli-install-config-");
    ({ apiUrl, configHome } = cli);
    const token = await cli.apiCall("POST", "/api/tokens", { name: tokenName, scopes: ["deploy"], expiresInDays: 30 });
    expect(token.status, JSON.stringify(token.body)).toBe(201);
    deployToken = token.body;

    const [packed] = JSON.parse(await npm(["pack", "--json", "--pack-destination", work], CLI_DIR)) as {
      filename: string;
      files: { path: string }[];
    }[];
    packedFiles = packed!.files.map((f) => f.path).sort();
    await npm(["install", "--global", "--prefix", prefix, join(work, packed!.filename)], work);
  });

  afterAll(async () => {
    if (deployToken) await cli?.apiCall("DELETE", `/api/tokens/${deployToken.id}`);
    await cli?.close();
    await rm(work, { recursive: true, force: true });
  });

  it("packs only the launcher and one bundle that imports nothing but Node's own modules", async () => {
    expect(packedFiles).toEqual(["bin/pier.mjs", "dist/pier.mjs", "package.json"]);
    const installed = join(prefix, "lib", "node_modules", "@pier-paas", "cli");
    const bundle = await readFile(join(installed, "dist", "pier.mjs"), "utf8");
    expect(bundle.startsWith("#!/usr/bin/env node\n")).toBe(true);
    const imported = [...bundle.matchAll(/(?:^import .* from |\bimport\()"([^"]+)"/gm)].map((m) => m[1]!);
    expect(imported.length).toBeGreaterThan(0);
    expect(imported.filter((specifier) => !specifier.startsWith("node:"))).toEqual([]);
    await expect(stat(join(installed, "src"))).rejects.toThrow(/ENOENT/);
  });

  it("prints its version with --version and -v", async () => {
    for (const flag of ["--version", "-v"]) {
      const run = await pier([flag]);
      expect(run).toEqual({ code: 0, stdout: `${cliPackage.version}\n`, stderr: "" });
    }
    expect(JSON.parse((await pier(["--version", "--json"])).stdout)).toEqual({ version: cliPackage.version });
  });

  it("whoami names the token, its scopes and expiry, and where the token came from", async () => {
    const asAdmin = await pier(["whoami", "--json"]);
    expect(asAdmin.code, asAdmin.stderr).toBe(0);
    expect(JSON.parse(asAdmin.stdout)).toMatchObject({
      kind: "admin",
      name: "admin token",
      scopes: ["read", "deploy", "admin"],
      manageTokens: true,
      connection: { url: apiUrl, tokenFrom: "PIER_TOKEN" },
    });
    const asToken = await pier(["whoami"], { env: { PIER_TOKEN: deployToken.token } });
    expect(asToken.code, asToken.stderr).toBe(0);
    expect(asToken.stdout).toContain(`token ${tokenName} on ${apiUrl}`);
    expect(asToken.stdout).toMatch(/scopes +deploy\n/);
    expect(asToken.stdout).toContain(`expires ${deployToken.expiresAt.slice(0, 10)} (in 30 days)`);
    const refused = await pier(["whoami"], { env: { PIER_TOKEN: "pier_not-a-real-token" } });
    expect(refused.code).toBe(4);
    expect(refused.stderr).toMatch(/run pier login/);
  });

  it("login saves the token, whoami uses it, logout forgets it", async () => {
    const withoutEnv = { PIER_TOKEN: "", PIER_API_URL: "" };
    const login = await pier(["login", "--url", apiUrl, "--token", deployToken.token], { env: withoutEnv });
    expect(login.code, login.stderr).toBe(0);
    expect(login.stdout).toContain(`Logged in to ${apiUrl} as token ${tokenName} (deploy)`);
    const saved = join(configHome, "pier", "config.json");
    const me = await pier(["whoami", "--json"], { env: withoutEnv });
    expect(JSON.parse(me.stdout)).toMatchObject({ name: tokenName, connection: { url: apiUrl, tokenFrom: saved } });

    const logout = await pier(["logout", "--json"], { env: withoutEnv });
    expect(JSON.parse(logout.stdout)).toEqual({ configPath: saved, forgot: true, tokenInEnvironment: false });
    expect(JSON.parse(await readFile(saved, "utf8"))).toEqual({ url: apiUrl });
    const after = await pier(["whoami"], { env: withoutEnv });
    expect(after.code).toBe(4);
    expect(after.stderr).toContain("no API token: run pier login");
    expect((await pier(["logout"], { env: withoutEnv })).stdout).toContain("No saved token");
  });

  it("link makes a directory and those below it remember the app; unlink forgets it", async () => {
    const unknown = await pier(["link", "no-such-app-here"]);
    expect(unknown.code).toBe(5);
    await expect(stat(join(project, ".pier"))).rejects.toThrow(/ENOENT/);

    const linked = await pier(["link", app]);
    expect(linked.code, linked.stderr).toBe(0);
    expect(JSON.parse(await readFile(join(project, ".pier", "app.json"), "utf8"))).toEqual({ app });
    const below = join(project, "src", "deep");
    await mkdir(below, { recursive: true });
    expect(JSON.parse((await pier(["link", "--json"], { cwd: below })).stdout)).toMatchObject({ app });
    const deployments = await pier(["deployments", "--json"], { cwd: below });
    expect(deployments.code, deployments.stderr).toBe(0);
    expect(JSON.parse(deployments.stdout)).toMatchObject({ deployments: [] });
    const appUrl = (await cli.apiCall("GET", `/api/apps/${app}`)).body.url as string;
    expect(await pier(["open", "--print"], { cwd: below })).toMatchObject({ code: 0, stdout: `${appUrl}\n` });

    const unlinked = await pier(["unlink"], { cwd: below });
    expect(unlinked.code, unlinked.stderr).toBe(0);
    await expect(stat(join(project, ".pier"))).rejects.toThrow(/ENOENT/);
    const missing = await pier(["deployments"], { cwd: below });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("missing <app> (or run pier link <app> in this directory)");
  });

  it("open starts $BROWSER with the production URL", async () => {
    const opened = join(work, "opened.txt");
    const browser = join(work, "browser.sh");
    await writeFile(browser, `#!/bin/sh\nprintf '%s' "$1" > ${opened}\n`);
    await chmod(browser, 0o755);
    const run = await pier(["open", app, "--json"], { env: { BROWSER: browser } });
    expect(run.code, run.stderr).toBe(0);
    const { url, opened: started, live } = JSON.parse(run.stdout);
    expect({ started, live }).toEqual({ started: true, live: false });
    expect(url).toMatch(new RegExp(`^https?://${app}\\.`));
    // The browser runs on its own, detached: wait for what it writes.
    const written = await eventually(() => readFile(opened, "utf8"), "the browser script wrote the URL", 10_000);
    expect(written).toBe(url);
    const noOpener = await pier(["open", app], { env: { BROWSER: join(work, "no-such-browser") } });
    expect(noOpener).toMatchObject({ code: 0, stdout: `${url}\n` });
    expect(noOpener.stderr).toMatch(/no browser to open it with/);
  });

  it("prints a bash completion that completes commands, subcommands and options", async () => {
    const script = await pier(["completion", "bash"]);
    expect(script.code, script.stderr).toBe(0);
    await writeFile(join(work, "pier.bash"), script.stdout);
    const complete = (words: string[]) =>
      exec(
        "bash",
        [
          "-c",
          `source ${join(work, "pier.bash")}; COMP_WORDS=(${words.map((w) => `'${w}'`).join(" ")}); ` +
            `COMP_CWORD=${words.length - 1}; _pier; echo "\${COMPREPLY[*]}"`,
        ],
        { cwd: work },
      );
    expect((await complete(["pier", "dep"])).stdout).toBe("deploy deployments\n");
    expect((await complete(["pier", "tokens", ""])).stdout).toBe("create list revoke\n");
    expect((await complete(["pier", "deploy", "web", "--w"])).stdout).toBe("--wait\n");
    expect((await complete(["pier", "completion", ""])).stdout).toBe("bash zsh fish\n");
    for (const shell of ["zsh", "fish"]) {
      const other = await pier(["completion", shell]);
      expect(other.code).toBe(0);
      expect(other.stdout).toMatch(/whoami/);
    }
    const typo = await pier(["completion", "bsh"]);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/no completion for bsh; did you mean bash\b/);
  });

  it("answers typos with a suggestion and takes negative numbers as values (exit 2)", async () => {
    const cases: [string[], string][] = [
      [["deploi", app], "unknown command deploi; did you mean deploy?"],
      [["deploy", app, "--wiat"], "unknown option --wiat; did you mean --wait?"],
      [["apps", "creat", "x"], "did you mean pier apps create?"],
      [["env", "sett", app, "A=1"], "unknown command env sett; did you mean pier env set?"],
      [["scale", app, "-1"], "replicas must be"],
      [["autoscale", app, "--max", "3", "--delay", "-5"], "--delay must be"],
    ];
    for (const [args, message] of cases) {
      const run = await pier(args);
      expect({ args, code: run.code, stdout: run.stdout }).toEqual({ args, code: 2, stdout: "" });
      expect(run.stderr).toContain(message);
      expect(run.stderr).not.toMatch(/Unknown option|ambiguous/);
    }
    const shown = (await cli.apiCall("GET", `/api/apps/${app}`)).body;
    expect(shown.replicas.desired).toBe(1);
  });
});
