import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";
import type { FastifyInstance } from "fastify";
import { testConfig } from "../../../tests/support/platform.ts";
import { startCliApi, type CliApi } from "./cli-api.ts";
import type { runPier, PierRun } from "./run-pier.ts";

/** The CLI with a terminal as its stdin (through script(1)), typing `input` into it. */
function pierOnTerminal(env: Record<string, string>, args: string[], input: string): Promise<PierRun> {
  const cwd = fileURLToPath(new URL("../../../", import.meta.url));
  const command = [process.execPath, "--import", "tsx", "apps/cli/src/main.ts", ...args].join(" ");
  return new Promise((resolve) => {
    const child = execFile(
      "script",
      ["-qec", command, "/dev/null"],
      { cwd, env: { ...process.env, ...env } },
      (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code) : 0, stdout: String(stdout), stderr: String(stderr) }),
    );
    child.stdin?.end(input);
  });
}

describe("pier apps settings/delete, releases, inspect, notifications against the real API", () => {
  let api: FastifyInstance;
  let apiUrl: string;
  const config = testConfig();
  const name = `cli-all-${randomBytes(4).toString("hex")}`;
  const missing = `cli-missing-${randomBytes(3).toString("hex")}`;

  let cli: CliApi;
  const pier = (args: string[], options: Parameters<typeof runPier>[2] = {}) => cli.pier(args, options);
  const apiCall: CliApi["apiCall"] = (method, url, payload) => cli.apiCall(method, url, payload);

  beforeAll(async () => {
    cli = await startCliApi(name, "pier-cli-all-");
    ({ api, apiUrl } = cli);
  });

  afterAll(() => cli?.close());

  it("pier help lists every new command", async () => {
    const help = await pier(["help"]);
    expect(help.code).toBe(0);
    for (const command of ["apps settings", "apps delete", "releases", "inspect", "env pull", "notifications add"])
      expect(help.stdout).toMatch(new RegExp(`^ {2}${command} +\\S`, "m"));
  });

  it("apps settings shows the settings, changes them (--json), and refuses a bad value or an unknown app", async () => {
    const [shown, bad, unknown] = await Promise.all([
      pier(["apps", "settings", name]),
      pier(["apps", "settings", name, "--previews", "maybe"]),
      pier(["apps", "settings", missing]),
    ]);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toMatch(/^ {2}port +auto$/m);
    expect(shown.stdout).toMatch(/^ {2}hsts +off$/m);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^pier: --previews must be on or off, not "maybe"\nusage: pier apps settings/);
    expect(unknown.code).toBe(5);

    const args = ["--port", "8080", "--previews", "on", "--memory-request", "1g", "--hsts", "on"];
    const changed = await pier(["apps", "settings", name, ...args, "--volumes", "data:/data", "--json"]);
    expect(changed.code).toBe(0);
    const { body } = await apiCall("GET", `/api/apps/${name}`);
    expect(body).toMatchObject({ port: 8080, previews: true, memoryRequestMb: 1024, hsts: true });
    expect(body.volumes).toEqual([{ name: "data", path: "/data" }]);
    expect(JSON.parse(changed.stdout)).toEqual({ ...body, replicas: expect.anything() });
  });

  let deploymentId = "";
  let shortId = "";

  it("releases: none yet, then the history as a table and as the API's JSON", async () => {
    const none = await pier(["releases", name]);
    expect(none.code).toBe(0);
    expect(none.stdout).toContain("No releases");

    // No worker runs here: the test makes a deployment live as a deploy would.
    ({ id: deploymentId, shortId } = (await apiCall("POST", `/api/apps/${name}/deploy`)).body);
    const { prisma } = api.pier;
    const app = await prisma.app.findUniqueOrThrow({ where: { name } });
    await prisma.deployment.update({
      where: { id: deploymentId },
      data: {
        status: "READY",
        imageTag: `pier/${name}:test`,
        phases: { queued: 40, clone: 300, build: 2400, health: 500 },
        startedAt: new Date(Date.now() - 4000),
        finishedAt: new Date(),
      },
    });
    await prisma.app.update({ where: { id: app.id }, data: { productionDeploymentId: deploymentId } });
    await prisma.release.create({
      data: { appId: app.id, version: 1, kind: "DEPLOY", cause: "API", toDeploymentId: deploymentId },
    });

    const [listed, json, unknown] = await Promise.all([
      pier(["releases", name]),
      pier(["releases", name, "--json"]),
      pier(["releases", missing]),
    ]);
    expect(listed.code).toBe(0);
    const lines = listed.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^\s+RELEASE\s+KIND\s+CAUSE\s+DEPLOYMENT\s+FROM\s+AGE\s+REASON$/);
    expect(lines[1]).toMatch(new RegExp(`^\\*\\s+v1\\s+DEPLOY\\s+API\\s+${shortId}\\s+-\\s+\\d+s$`));
    expect(JSON.parse(json.stdout)).toEqual((await apiCall("GET", `/api/apps/${name}/releases`)).body);
    expect(unknown.code).toBe(5);
  });

  it("inspect shows phases, image, URLs and the env keys, never a value", async () => {
    await apiCall("PUT", `/api/apps/${name}/env`, { vars: { API_KEY: "hunter2-value" }, targets: ["production"] });
    await apiCall("PUT", `/api/apps/${name}/env`, { vars: { PREVIEW_ONLY: "x" }, targets: ["preview"] });
    const [res, json, bad] = await Promise.all([
      pier(["inspect", shortId]),
      pier(["inspect", deploymentId, "--json"]),
      pier(["inspect", "NOT-AN-ID"]),
    ]);
    expect(res.stderr).toBe("");
    expect(res.code).toBe(0);
    const { body: app } = await apiCall("GET", `/api/apps/${name}`);
    expect(res.stdout).toMatch(/^ {2}status +READY · live in production$/m);
    expect(res.stdout).toMatch(new RegExp(`^ {2}image +pier/${name}:test$`, "m"));
    expect(res.stdout).toContain(`production url  ${app.url}`);
    expect(res.stdout).toMatch(/^ {2}env keys +API_KEY \(the app's production vars as set now\)$/m);
    expect(res.stdout).not.toContain("hunter2");
    expect(res.stdout).toMatch(/^Phases:\n {2}queued +40ms\n {2}clone +300ms\n {2}build +2\.4s\n {2}health +500ms$/m);

    expect(JSON.parse(json.stdout)).toEqual((await apiCall("GET", `/api/deployments/${deploymentId}`)).body);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("not a deployment id: NOT-AN-ID");
  });

  it("notifications: add (secret on stdout only), list, test and rm, and a bad format", async () => {
    const added = await pier([
      "notifications",
      "add",
      "http://127.0.0.1:9/hook",
      "--format",
      "json",
      "--event",
      "deployment.failed,app.down",
      "--app",
      name,
    ]);
    expect(added.code).toBe(0);
    const id = /Added channel (\w+)/.exec(added.stderr)?.[1];
    expect(id).toBeDefined();
    expect(added.stdout).toMatch(/^\S+\n$/);
    try {
      const [list, test, badFormat] = await Promise.all([
        pier(["notifications", "--json"]),
        pier(["notifications", "test", id!, "--json"]),
        pier(["notifications", "add", "http://127.0.0.1:9/x", "--format", "xml"]),
      ]);
      const { channels } = JSON.parse(list.stdout) as { channels: { id: string }[] };
      expect(channels.find((c) => c.id === id)).toMatchObject({
        events: ["deployment.failed", "app.down"],
        apps: [name],
      });
      expect(test.code).toBe(0);
      expect(JSON.parse(test.stdout)).toMatchObject({ channelId: id, event: "channel.test" });
      expect(badFormat.code).toBe(2);
      expect(badFormat.stderr).toContain('--format must be json, slack or discord, not "xml"');
    } finally {
      const removed = await pier(["notifications", "rm", id!]);
      expect(removed.stdout).toBe(`Removed channel ${id} (json to http://127.0.0.1:9/hook).\n`);
    }
    expect((await apiCall("GET", "/api/notifications")).body.channels).not.toContainEqual(
      expect.objectContaining({ id }),
    );
  });

  it("apps delete: refused with no terminal and no --yes, asks for the name on one, --yes deletes", async () => {
    const refused = await pier(["apps", "delete", name]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`not deleting ${name}: there is no terminal to confirm on, so pass --yes`);
    // On a terminal it asks for the name: a wrong one deletes nothing (exit 1).
    const env = { PIER_API_URL: apiUrl, PIER_TOKEN: config.PIER_ADMIN_TOKEN, NO_COLOR: "1" };
    const mistyped = await pierOnTerminal(env, ["apps", "delete", name], "not-the-name\n");
    expect(mistyped.stdout).toContain(`Type the app's name (${name}) to delete it:`);
    expect(mistyped.stdout).toContain(`not deleted: "not-the-name" is not ${name}`);
    expect(mistyped.code).toBe(1);
    expect((await apiCall("GET", `/api/apps/${name}`)).status).toBe(200);

    const deleted = await pier(["apps", "delete", name, "--yes", "--json"], { timeoutMs: 300_000 });
    expect(deleted.code).toBe(0);
    expect(JSON.parse(deleted.stdout)).toMatchObject({
      deleted: name,
      removedContainers: 0,
      removedVolumes: [],
      keptVolumes: [],
    });
    expect((await apiCall("GET", `/api/apps/${name}`)).status).toBe(404);
  });
});
