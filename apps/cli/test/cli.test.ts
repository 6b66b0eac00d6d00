import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { createServer, type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startCliApi, type CliApi } from "./cli-api.ts";
import type { runPier } from "./run-pier.ts";

/** An unused port: bound then released, so nothing answers there. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe("pier CLI against the real API", () => {
  let cli: CliApi;
  let apiUrl: string;
  let config: CliApi["config"];
  const name = `cli-${randomBytes(4).toString("hex")}`;
  const repoUrl = "https://github.com/owner/repo.git";

  const pier = (args: string[], options: Parameters<typeof runPier>[2] = {}) => cli.pier(args, options);
  const apiGet = (url: string) => cli.apiCall("GET", url);

  beforeAll(async () => {
    // The tests below make the app, through the CLI.
    cli = await startCliApi(name, "pier-cli-", { createApp: false });
    ({ apiUrl, config } = cli);
  });

  afterAll(() => cli?.close());

  it("prints help with the exit codes, through the bin launcher too", async () => {
    const help = await pier(["help"], { launcher: true });
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^ {2}deploy +Deploy the head/m);
    expect(help.stdout).toMatch(/Exit codes:[\s\S]*3\s+the Pier API is unreachable[\s\S]*6\s+other API error/);
    const deployHelp = await pier(["deploy", "--help"]);
    expect(deployHelp.code).toBe(0);
    expect(deployHelp.stdout).toContain(
      "Usage: pier deploy <app> [--from <deployment>] [--no-promote] [--wait] [--json]",
    );
  });

  it("creates an app and prints its webhook", async () => {
    const res = await pier(["apps", "create", name, "--repo", repoUrl, "--port", "8080"]);
    expect(res.stderr).toBe("");
    expect(res.code).toBe(0);
    expect(res.stdout).toContain(`Created ${name}`);
    const { body } = await apiGet(`/api/apps/${name}`);
    expect(body).toMatchObject({ name, repoUrl, branch: "main", port: 8080 });
    expect(res.stdout).toContain(body.webhookUrl);
    expect(res.stdout).toContain(body.webhookSecret);
    expect(res.stdout).toMatch(/GitHub: .*Webhooks/);
  });

  it("refuses a second app of the same name with the API's message (exit 6)", async () => {
    const res = await pier(["apps", "create", name, "--repo", repoUrl]);
    expect(res.code).toBe(6);
    expect(res.stdout).toBe("");
    expect(res.stderr).toMatch(/^pier: .*\(409 app_exists\)\n$/);
  });

  it("lists apps as a table and as JSON", async () => {
    const table = await pier(["apps"]);
    expect(table.code).toBe(0);
    const lines = table.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^NAME\s+REPO\s+BRANCH\s+URL\s+LIVE\s+CREATED$/);
    const row = lines.find((l) => l.startsWith(`${name} `));
    expect(row).toBeDefined();
    // Columns are aligned: REPO starts at the same offset on the header and the row.
    expect(row!.indexOf(repoUrl)).toBe(lines[0]!.indexOf("REPO"));

    const json = await pier(["apps", "--json"]);
    expect(json.code).toBe(0);
    const parsed = JSON.parse(json.stdout) as { apps: { name: string }[] };
    expect(parsed.apps.some((a) => a.name === name)).toBe(true);
  });

  let deploymentId = "";
  let shortId = "";

  it("deploys without waiting: prints the QUEUED deployment", async () => {
    const res = await pier(["deploy", name]);
    expect(res.code).toBe(0);
    expect(res.stdout).toContain("QUEUED");
    const id = /id:\s+([a-z0-9]+)/.exec(res.stdout)?.[1];
    expect(id).toBeDefined();
    deploymentId = id!;
    const { status, body } = await apiGet(`/api/deployments/${deploymentId}`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ app: name, status: "QUEUED", trigger: "API", branch: "main" });
    shortId = body.shortId;
    expect(res.stdout).toContain(shortId);

    const json = await pier(["deploy", name, "--json"]);
    expect(json.code).toBe(0);
    const queued = JSON.parse(json.stdout) as { id: string; status: string; app: string };
    expect(queued).toMatchObject({ status: "QUEUED", app: name });
    // The newer deploy superseded the first one.
    expect((await apiGet(`/api/deployments/${deploymentId}`)).body.status).toBe("CANCELLED");
    deploymentId = queued.id;
    shortId = (await apiGet(`/api/deployments/${deploymentId}`)).body.shortId;
  });

  it("lists deployments as an aligned table, newest first", async () => {
    const res = await pier(["deployments", name]);
    expect(res.code).toBe(0);
    const lines = res.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^\s+ID\s+STATUS\s+BRANCH\s+TRIGGER\s+COMMIT\s+AGE\s+DURATION$/);
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(new RegExp(`^\\s+${shortId}\\s+QUEUED\\s+main\\s+api\\s+-\\s+\\d+s\\s+-$`));
    expect(lines[2]).toMatch(/CANCELLED/);
    expect(lines[1]!.indexOf("QUEUED")).toBe(lines[0]!.indexOf("STATUS"));

    const json = await pier(["deployments", name, "--json", "--limit", "1"]);
    expect(JSON.parse(json.stdout).deployments).toHaveLength(1);
  });

  it("deploy --wait reports status changes and exits 1 when the deployment is cancelled", async () => {
    const waiting = pier(["deploy", name, "--wait"]);
    // Wait until the CLI's deployment exists, then supersede it with another deploy.
    let waitedOn: string | undefined;
    for (let i = 0; i < 100 && !waitedOn; i++) {
      await new Promise((r) => setTimeout(r, 200));
      const { body } = await apiGet(`/api/apps/${name}/deployments?limit=1`);
      if (body.deployments[0]?.id !== deploymentId) waitedOn = body.deployments[0].id;
    }
    expect(waitedOn).toBeDefined();
    await cli.apiCall("POST", `/api/apps/${name}/deploy`);
    const res = await waiting;
    expect(res.code).toBe(1);
    expect(res.stdout).toBe("");
    // stderr is not a TTY here: status changes are plain lines.
    expect(res.stderr).toMatch(/QUEUED/);
    expect(res.stderr).toMatch(/CANCELLED.*superseded by deployment/);

    const logs = await pier(["logs", waitedOn!, "--follow"]);
    expect(logs.code).toBe(1);
    expect(logs.stderr).toMatch(/CANCELLED: superseded/);
    const json = await pier(["logs", waitedOn!, "--json"]);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ deploymentId: waitedOn, status: "CANCELLED", lines: [] });
  });

  it("logs --follow prints lines as they come and exits 0 once the deployment is READY", async () => {
    // No worker runs here: the test writes the log lines and the final status as a build would.
    const { prisma } = cli.api.pier;
    const { body } = await apiGet(`/api/apps/${name}/deployments?limit=1`);
    const id: string = body.deployments[0].id;
    await prisma.buildLog.createMany({ data: [1, 2].map((n) => ({ deploymentId: id, line: `step ${n}` })) });

    let printed = "";
    const following = pier(["logs", body.deployments[0].shortId, "--follow", "--app", name], {
      onStdout: (text) => (printed += text),
    });
    const until = async (text: string) => {
      const deadline = Date.now() + 30_000;
      while (!printed.includes(text)) {
        if (Date.now() > deadline)
          throw new Error(`pier logs --follow never printed ${JSON.stringify(text)}: ${printed}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    };
    // Lines written while it follows come too, after the ones that were there.
    await until("step 2\n");
    await prisma.buildLog.createMany({ data: [3, 4].map((n) => ({ deploymentId: id, line: `step ${n}` })) });
    await until("step 4\n");
    await prisma.$transaction([
      prisma.buildLog.create({ data: { deploymentId: id, line: "step 5" } }),
      prisma.deployment.update({ where: { id }, data: { status: "READY", finishedAt: new Date() } }),
    ]);
    const res = await following;
    expect(res.code).toBe(0);
    expect(res.stdout).toBe("step 1\nstep 2\nstep 3\nstep 4\nstep 5\n");

    const json = await pier(["logs", id, "--json"]);
    const parsed = JSON.parse(json.stdout) as { status: string; lines: { line: string }[] };
    expect(parsed.status).toBe("READY");
    expect(parsed.lines.map((l) => l.line)).toEqual(["step 1", "step 2", "step 3", "step 4", "step 5"]);
  });

  it("sets, lists (masked and revealed) and unsets env vars", async () => {
    const set = await pier(["env", "set", name, "DATABASE_URL=postgres://secret@db/x", "MODE=prod=1"]);
    expect(set.code).toBe(0);
    expect(set.stdout).toContain("Set DATABASE_URL, MODE");

    const masked = await pier(["env", "list", name]);
    expect(masked.code).toBe(0);
    expect(masked.stdout).toMatch(/^KEY\s+VALUE\s+UPDATED/);
    expect(masked.stdout).toMatch(/DATABASE_URL\s+••••••••/);
    expect(masked.stdout).not.toContain("postgres");
    expect(masked.stdout).not.toContain("secret");

    const revealed = await pier(["env", "list", name, "--reveal", "--json"]);
    expect(JSON.parse(revealed.stdout).vars).toEqual([
      expect.objectContaining({ key: "DATABASE_URL", value: "postgres://secret@db/x" }),
      expect.objectContaining({ key: "MODE", value: "prod=1" }),
    ]);
    const revealedTable = await pier(["env", "list", name, "--reveal"]);
    expect(revealedTable.stdout).toMatch(/MODE\s+prod=1/);

    const unset = await pier(["env", "unset", name, "MODE"]);
    expect(unset.code).toBe(0);
    expect((await apiGet(`/api/apps/${name}/env?reveal=true`)).body.vars.map((v: { key: string }) => v.key)).toEqual([
      "DATABASE_URL",
    ]);

    const again = await pier(["env", "unset", name, "MODE"]);
    expect(again.code).toBe(5);
    expect(again.stderr).toContain("env var MODE is not set");

    const bad = await pier(["env", "set", name, "NOEQUALS"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("expected KEY=value");
  });

  it("rollback with nothing to roll back to: the API's message, exit 6", async () => {
    const res = await pier(["rollback", name]);
    expect(res.code).toBe(6);
    expect(res.stdout).toBe("");
    expect(res.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(res.stderr).toMatch(/^pier: .+\(409 no_previous\)$/m);
  });

  it("scale: the API's answers as exit codes (nothing live: 6; over the max: 6, named; not a number: 2)", async () => {
    const nothingLive = await pier(["scale", name, "2"]);
    expect(nothingLive.code).toBe(6);
    expect(nothingLive.stderr).toMatch(/no production deployment to scale yet.*\(409 conflict\)/);
    const tooMany = await pier(["scale", name, "99"]);
    expect(tooMany.code).toBe(6);
    expect(tooMany.stderr).toMatch(/replicas: must be a whole number from 0 to \d+ \(the operator's maximum/);
    const notANumber = await pier(["scale", name, "two"]);
    expect(notANumber.code).toBe(2);
    expect(notANumber.stderr).toContain('replicas must be a whole number, not "two"');
  });

  it("promote of a deployment that is not READY is refused by the API (exit 6)", async () => {
    const res = await pier(["promote", name, shortId]);
    expect(res.code).toBe(6);
    expect(res.stderr).toMatch(/\(409 \w+\)/);
  });

  it("exits 4 when the API refuses the token", async () => {
    const res = await pier(["apps"], { env: { PIER_TOKEN: "wrong-token-0123456789" } });
    expect(res.code).toBe(4);
    expect(res.stderr).toBe("pier: the API refused the token (401): run pier login\n");
  });

  it("exits 3 when the API is unreachable", async () => {
    const url = `http://127.0.0.1:${await closedPort()}`;
    const res = await pier(["apps"], { env: { PIER_API_URL: url } });
    expect(res.code).toBe(3);
    expect(res.stderr).toBe(`pier: cannot reach the Pier API at ${url} (ECONNREFUSED): is it running?\n`);
  });

  it("exits 5 for an unknown app or deployment", async () => {
    const app = await pier(["deployments", `cli-missing-${randomBytes(3).toString("hex")}`]);
    expect(app.code).toBe(5);
    expect(app.stderr).toMatch(/^pier: .*\(404 app_not_found\)\n$/);
    const deployment = await pier(["logs", "zzzzzzzzzzzzzzzzzzzz"]);
    expect(deployment.code).toBe(5);
  });

  it("exits 2 on bad usage", async () => {
    for (const args of [
      ["deploy"],
      ["frobnicate"],
      ["apps", "--bogus"],
      ["env"],
      ["apps", "create", "x"],
      ["promote", name],
    ]) {
      const res = await pier(args);
      expect(res.code, args.join(" ")).toBe(2);
      expect(res.stdout, args.join(" ")).toBe("");
      expect(res.stderr, args.join(" ")).toMatch(/^pier: .+\nusage: /);
    }
  });

  it("login saves the config (0600) and later commands use it without PIER_TOKEN", async () => {
    const home = await mkdtemp(join(tmpdir(), "pier-login-"));
    try {
      const env = { XDG_CONFIG_HOME: home, PIER_TOKEN: undefined, PIER_API_URL: undefined };
      const before = await pier(["apps"], { env });
      expect(before.code).toBe(4);

      const refused = await pier(["login", "--url", apiUrl, "--token", "wrong-token-0123456789"], { env });
      expect(refused.code).toBe(4);

      const login = await pier(["login", "--url", `${apiUrl}/`, "--token", config.PIER_ADMIN_TOKEN], { env });
      expect(login.stderr).toBe("");
      expect(login.code).toBe(0);
      const path = join(home, "pier", "config.json");
      expect(login.stdout).toContain(path);
      expect((await stat(path)).mode & 0o777).toBe(0o600);
      expect(JSON.parse(await readFile(path, "utf8"))).toEqual({ url: apiUrl, token: config.PIER_ADMIN_TOKEN });

      const after = await pier(["apps", "--json"], { env });
      expect(after.code).toBe(0);
      expect(JSON.parse(after.stdout).apps.some((a: { name: string }) => a.name === name)).toBe(true);

      // PIER_TOKEN overrides the saved token.
      const overridden = await pier(["apps"], { env: { ...env, PIER_TOKEN: "wrong-token-0123456789" } });
      expect(overridden.code).toBe(4);

      // Prompted login reads the URL and token from stdin.
      await rm(path);
      const prompted = await pier(["login"], { env, input: `${apiUrl}\n${config.PIER_ADMIN_TOKEN}\n` });
      expect(prompted.code).toBe(0);
      expect(prompted.stderr).toContain("API token: ");
      expect(JSON.parse(await readFile(path, "utf8"))).toEqual({ url: apiUrl, token: config.PIER_ADMIN_TOKEN });
    } finally {
      await rm(home, { recursive: true, force: true });
    }
  });
});
