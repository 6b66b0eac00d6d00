import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import { readFile, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { testConfig } from "../../../tests/support/platform.ts";
import { eventually } from "../../../tests/support/eventually.ts";
import { startCliApi, type CliApi } from "./cli-api.ts";
import type { runPier } from "./run-pier.ts";

describe("pier env with targets, env pull and deploy --wait against the real API", () => {
  let api: FastifyInstance;
  let dir: string;
  const config = testConfig();
  const auth = { authorization: `Bearer ${config.PIER_ADMIN_TOKEN}` };
  const name = `cli-envw-${randomBytes(4).toString("hex")}`;

  let cli: CliApi;
  const pier = (args: string[], options: Parameters<typeof runPier>[2] = {}) => cli.pier(args, options);
  const apiCall: CliApi["apiCall"] = (method, url, payload) => cli.apiCall(method, url, payload);

  beforeAll(async () => {
    cli = await startCliApi(name, "pier-cli-envw-");
    api = cli.api;
    dir = cli.configHome;
  });

  afterAll(() => cli?.close());

  it("sets, lists and unsets per target; refuses a target that does not exist", async () => {
    const production = await pier(["env", "set", name, "SECRET=it's prod", "MULTI=a\nb", "--target", "production"]);
    expect(production.stdout).toBe(`Set SECRET, MULTI on ${name} (production).\n`);
    const env = (vars: object, targets?: string[]) => apiCall("PUT", `/api/apps/${name}/env`, { vars, targets });
    expect((await env({ SECRET: "prev" }, ["preview"])).status).toBe(200);
    expect((await env({ SHARED: "x=1" })).status).toBe(200);
    const [listed, bad] = await Promise.all([
      pier(["env", "list", name, "--target", "preview"]),
      pier(["env", "list", name, "--target", "staging"]),
    ]);
    expect(listed.stdout).toMatch(/^KEY\s+VALUE\s+UPDATED\s+TARGETS\nSECRET\s+•+\s+\d+s\s+preview$/m);
    expect(listed.stdout).not.toContain("MULTI");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--target must be production, preview or all, not "staging"');

    const unset = await pier(["env", "unset", name, "SECRET", "--target", "preview", "--json"]);
    expect(JSON.parse(unset.stdout).vars.filter((v: { key: string }) => v.key === "SECRET")).toEqual([
      expect.objectContaining({ targets: ["production"] }),
    ]);
  });

  it("env pull writes a 0600 .env of one target, never over a file without --force, and needs admin", async () => {
    const file = join(dir, "app.env");
    const pulled = await pier(["env", "pull", name, "--file", file, "--json"]);
    expect(pulled.code).toBe(0);
    expect(JSON.parse(pulled.stdout)).toEqual({
      file,
      app: name,
      target: "production",
      keys: ["MULTI", "SECRET", "SHARED"],
    });
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const lines = (await readFile(file, "utf8")).split("\n").slice(1);
    expect(lines).toEqual(['MULTI="a\\nb"', 'SECRET="it\'s prod"', "SHARED=x=1", ""]);

    await writeFile(file, "kept\n");
    const token = await apiCall("POST", "/api/tokens", { name: `cli-deploy-${name}`, scopes: ["deploy"] });
    const [again, preview, notAdmin] = await Promise.all([
      pier(["env", "pull", name, "--file", file]),
      pier(["env", "pull", name, "--file", file, "--target", "preview", "--force"]),
      pier(["env", "pull", name, "--file", join(dir, "never.env")], { env: { PIER_TOKEN: token.body.token } }),
    ]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(`${file} exists: pass --force to overwrite it`);
    expect(preview.code).toBe(0);
    expect((await readFile(file, "utf8")).split("\n").slice(1)).toEqual(["SHARED=x=1", ""]);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(notAdmin.code).toBe(6);
    expect(notAdmin.stderr).toMatch(/\(403 \w+\)/);
    await expect(stat(join(dir, "never.env"))).rejects.toThrow();
    expect(
      (await api.inject({ method: "DELETE", url: `/api/tokens/${token.body.id}`, headers: auth })).statusCode,
    ).toBe(200);
  });

  it("deploy --wait streams the log as it is written and ends on the production URL", async () => {
    // No worker runs here: the test writes the log and the outcome as a build would.
    let printed = "";
    let statuses = "";
    const waiting = pier(["deploy", name, "--wait"], {
      onStdout: (text) => (printed += text),
      onStderr: (text) => (statuses += text),
    });
    const id = await eventually(async () => {
      const { body } = await apiCall("GET", `/api/apps/${name}/deployments?limit=1`);
      return body.deployments[0]?.id as string | undefined;
    }, "the CLI's deployment");
    const { prisma } = api.pier;
    await prisma.buildLog.createMany({ data: [1, 2].map((n) => ({ deploymentId: id, line: `step ${n}` })) });
    await prisma.deployment.update({ where: { id }, data: { status: "BUILDING", startedAt: new Date() } });
    // The lines reach the terminal while it still builds, not at the end.
    await eventually(async () => printed.includes("step 2\n"), "pier deploy --wait printing step 2");
    // The stream reads the status before the lines, so BUILDING may come one poll after step 2.
    await eventually(async () => statuses.includes("BUILDING"), "pier deploy --wait showing BUILDING");
    await prisma.$transaction([
      prisma.buildLog.create({ data: { deploymentId: id, line: "step 3" } }),
      prisma.deployment.update({ where: { id }, data: { status: "READY", finishedAt: new Date(), hostPort: 1 } }),
      prisma.app.update({ where: { name }, data: { productionDeploymentId: id } }),
    ]);
    const res = await waiting;
    expect(res.code).toBe(0);
    const [app, deployment] = [
      (await apiCall("GET", `/api/apps/${name}`)).body,
      (await apiCall("GET", `/api/deployments/${id}`)).body,
    ];
    expect(deployment.url).not.toBe(app.url);
    expect(res.stdout).toMatch(
      new RegExp(
        `^step 1\\nstep 2\\nstep 3\\n✓ ${name} ${deployment.shortId} is READY in [\\d.]+m?s: live at ${app.url}\\n$`,
      ),
    );
    expect(res.stderr).toMatch(/QUEUED[\s\S]*BUILDING/);
  });

  it("deploy --wait --json: the final deployment alone on stdout, the log and the reason on stderr", async () => {
    const waiting = pier(["deploy", name, "--wait", "--json"]);
    const { prisma } = api.pier;
    const id = await eventually(async () => {
      const [latest] = await prisma.deployment.findMany({
        where: { app: { name }, status: "QUEUED" },
        orderBy: { createdAt: "desc" },
        take: 1,
      });
      return latest?.id;
    }, "the CLI's second deployment");
    await prisma.$transaction([
      prisma.buildLog.create({ data: { deploymentId: id, line: "npm ERR! missing script: build" } }),
      prisma.deployment.update({
        where: { id },
        data: { status: "FAILED", failureReason: "the build failed", finishedAt: new Date() },
      }),
    ]);
    const res = await waiting;
    expect(res.code).toBe(1);
    expect(JSON.parse(res.stdout)).toMatchObject({ id, status: "FAILED", reason: "the build failed" });
    expect(res.stderr).toContain("npm ERR! missing script: build\n");
    expect(res.stderr).toMatch(/✗ .* FAILED in \d+m?s: the build failed/);
  });
});
