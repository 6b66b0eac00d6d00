import { randomBytes } from "node:crypto";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cookieOf, csrfOf, form, postSignIn } from "../support/dashboard-forms.ts";
import { eventually } from "../support/eventually.ts";
import { createTestRepo, type TestRepo } from "../support/git-repo.ts";
import { getViaRouter } from "../support/http.ts";
import { keepRequesting } from "../support/load.ts";
import { logText, waitForStatus } from "../support/deployments.ts";
import { startPlatform, testConfig, type Platform } from "../support/platform.ts";

const run = promisify(execFile);

// Answers its GREETING env var: what a redeploy changes without a build.
const files = {
  "package.json": JSON.stringify({ name: "greeter", scripts: { start: "node server.js" } }),
  "server.js": `require("http")
  .createServer((q, s) => s.end((process.env.GREETING ?? "none") + "\\n"))
  .listen(Number(process.env.PORT), "0.0.0.0");
process.on("SIGTERM", () => process.exit(0));
`,
};

/** What the engine says a container runs with: its memory limit (bytes) and env. */
async function inspectContainer(id: string): Promise<{ memory: number; env: string[] }> {
  const { stdout } = await run("docker", ["inspect", "-f", "{{json .HostConfig.Memory}} {{json .Config.Env}}", id]);
  const [memory, ...env] = stdout.trim().split(" ");
  return { memory: Number(memory), env: JSON.parse(env.join(" ")) as string[] };
}

describe("redeploy without a build, and memory/CPU through scale", () => {
  let platform: Platform;
  let repo: TestRepo & { sha: string };
  const name = `redep-${randomBytes(3).toString("hex")}`;
  const idle = `redep-idle-${randomBytes(3).toString("hex")}`;
  const host = `${name}.localhost`;
  let firstId = "";
  let deployMs = 0;

  const api = (method: "GET" | "POST" | "PUT", url: string, payload?: object) =>
    platform.api.inject({ method, url, headers: platform.auth, ...(payload ? { payload } : {}) });
  const images = async () => (await platform.runtime.listImages({ "pier.app": name })).map((i) => i.id).sort();
  const production = async () => {
    const app = await platform.prisma.app.findUniqueOrThrow({ where: { name } });
    return platform.prisma.deployment.findUniqueOrThrow({ where: { id: app.productionDeploymentId! } });
  };
  /** POSTs and waits until the deployment it queued ends, timing it from the request. */
  async function timed(url: string, payload?: object) {
    const began = performance.now();
    const res = await api("POST", url, payload);
    expect(res.statusCode, res.body).toBeLessThan(300);
    const id = (url.endsWith("/scale") ? res.json().redeploy?.id : res.json().id) as string;
    const done = await waitForStatus(platform.api, platform.auth, id, undefined, undefined, 100);
    return { res, done, ms: Math.round(performance.now() - began) };
  }

  beforeAll(async () => {
    platform = await startPlatform(testConfig({ PIER_DRAIN_MS: "500", PIER_HEALTHCHECK_TIMEOUT_MS: "10000" }));
    repo = await createTestRepo(files);
    for (const app of [name, idle])
      expect((await api("POST", "/api/apps", { name: app, repoUrl: repo.url })).statusCode).toBe(201);
    expect((await api("PUT", `/api/apps/${name}/env`, { vars: { GREETING: "hello" } })).statusCode).toBe(200);
    const first = await timed(`/api/apps/${name}/deploy`, {});
    expect(first.done.status).toBe("READY");
    firstId = first.done.id;
    deployMs = first.ms;
  }, 300_000);
  afterAll(async () => {
    for (const app of [name, idle])
      await platform.api.inject({ method: "DELETE", url: `/api/apps/${app}`, headers: platform.auth });
    await platform.close();
    await repo.remove();
  });

  it("refuses what it can't do with a 4xx naming the field", async () => {
    const noProduction = await api("POST", `/api/apps/${idle}/redeploy`);
    expect(noProduction.statusCode).toBe(409);
    expect(noProduction.json()).toMatchObject({ error: "conflict", fields: [{ field: "name" }] });
    expect(noProduction.json().message).toContain("deploy it first");
    const cases: Array<[object, string]> = [
      [{ memoryMb: 0 }, "memoryMb"],
      [{ cpus: "x" }, "cpus"],
      [{ memoryMb: platform.config.PIER_MAX_MEMORY_MB + 1 }, "memoryMb"],
      [{ cpus: 0 }, "cpus"],
    ];
    for (const [body, field] of cases) {
      const res = await api("POST", `/api/apps/${name}/scale`, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().fields.map((f: { field: string }) => f.field)).toEqual([field]);
    }
    const empty = await api("POST", `/api/apps/${name}/scale`, {});
    expect(empty.statusCode).toBe(400);
    expect(empty.json().message).toContain("replicas, memoryMb or cpus");
    expect((await api("POST", "/api/apps/no-such-app/redeploy")).statusCode).toBe(404);
  });

  it("a redeploy builds no image, runs the changed env, and drops no request while it switches", async () => {
    expect((await api("PUT", `/api/apps/${name}/env`, { vars: { GREETING: "changed" } })).statusCode).toBe(200);
    expect((await getViaRouter(platform.routerPort, host)).body).toBe("hello\n"); // env changes wait for a deploy
    const imagesBefore = await images();
    const load = keepRequesting(platform.routerPort, host, { concurrency: 2, pauseMs: 20, maxMs: 60_000 });
    const redeploy = await timed(`/api/apps/${name}/redeploy`);
    expect(redeploy.res.statusCode).toBe(202);
    expect(redeploy.res.json()).toMatchObject({ redeployOf: firstId, trigger: "API" });
    expect(redeploy.done.status).toBe("READY");
    await eventually(async () => load.result.bodies.has("changed\n"), "the router serves the redeploy");
    const okSwitched = load.result.ok;
    await eventually(async () => load.result.ok >= okSwitched + 20, "requests answered after the switch");
    const result = await load.stop();
    expect(result.failures).toEqual({});
    expect(result.bodies).toEqual(new Set(["hello\n", "changed\n"]));

    const live = await production();
    const source = await platform.prisma.deployment.findUniqueOrThrow({ where: { id: firstId } });
    expect(live.id).toBe(redeploy.done.id);
    expect(live).toMatchObject({ redeployOfId: firstId, imageId: source.imageId, commitSha: source.commitSha });
    expect(Object.keys(live.phases as object)).not.toContain("build");
    expect(Object.keys(live.phases as object)).not.toContain("clone");
    expect(await images()).toEqual(imagesBefore);
    expect((await inspectContainer(live.containerId!)).env).toContain("GREETING=changed");
    expect(await logText(platform.api, platform.auth, live.id)).toContain(
      `Redeploy of ${source.shortId}: no build, image ${source.imageTag}`,
    );
    const releases = (await api("GET", `/api/apps/${name}/releases`)).json().releases;
    expect(releases[0]).toMatchObject({ kind: "REDEPLOY", cause: "API", to: { id: live.id }, from: { id: firstId } });
    console.log(`[measure] deploy (build) POST→READY ${deployMs} ms; redeploy POST→READY ${redeploy.ms} ms`);
  }, 180_000);

  it("scale memoryMb stores it on the app and redeploys: the new container has the new memory limit", async () => {
    const scaled = await timed(`/api/apps/${name}/scale`, { memoryMb: 200, cpus: 0.5 });
    expect(scaled.res.statusCode).toBe(200);
    expect(scaled.res.json()).toMatchObject({ resources: { memoryMb: 200, cpus: 0.5 }, redeploy: { trigger: "API" } });
    expect(scaled.done.status).toBe("READY");
    const live = await production();
    expect(live).toMatchObject({ id: scaled.done.id, memoryMb: 200, cpus: 0.5 });
    expect((await inspectContainer(live.containerId!)).memory).toBe(200 * 1024 * 1024);
    expect(await logText(platform.api, platform.auth, live.id)).toContain("memory: 200 MB (app settings)");
    expect((await getViaRouter(platform.routerPort, host)).body).toBe("changed\n");
    // The same figures again: nothing to apply, no redeploy.
    const again = await api("POST", `/api/apps/${name}/scale`, { memoryMb: 200 });
    expect(again.json()).toMatchObject({ redeploy: null });
    console.log(`[measure] scale --memory POST→READY ${scaled.ms} ms`);
  }, 180_000);

  it("the dashboard offers a redeploy on the app page, and on the env page after an env change", async () => {
    const cookies = {
      pier_session: cookieOf(await postSignIn(platform.api, platform.config.PIER_ADMIN_TOKEN), "pier_session")!,
    };
    const get = (url: string) => platform.api.inject({ method: "GET", url, cookies });
    const post = (url: string, page: string, fields: Record<string, string> = {}) =>
      platform.api.inject({ method: "POST", url, cookies, ...form({ _csrf: csrfOf(page), ...fields }) });
    const appPage = await get(`/apps/${name}`);
    expect(appPage.body).toContain("Redeploy (no build)");
    expect((await get(`/apps/${name}/settings`)).body).not.toContain("data-env-pending");

    const settings = await get(`/apps/${name}/settings`);
    const fields = { key: "GREETING", value: "from-dashboard", target: "production" };
    expect((await post(`/apps/${name}/env`, settings.body, fields)).statusCode).toBe(303);
    const pending = await get(`/apps/${name}/settings`);
    expect(pending.body).toContain("data-env-pending");
    expect(pending.body).toContain("Env changes apply on the next deploy");

    const pressed = await post(`/apps/${name}/redeploy`, pending.body);
    expect(pressed.statusCode).toBe(303);
    const id = /^\/deployments\/([a-z0-9]+)$/.exec(pressed.headers.location as string)?.[1];
    expect(id).toBeDefined();
    const done = await waitForStatus(platform.api, platform.auth, id!);
    expect(done.status, done.reason ?? "").toBe("READY");
    expect((await api("GET", `/api/deployments/${id}`)).json()).toMatchObject({ trigger: "DASHBOARD" });
    expect((await getViaRouter(platform.routerPort, host)).body).toBe("from-dashboard\n");
    expect((await get(`/apps/${name}/settings`)).body).not.toContain("data-env-pending");
  }, 180_000);
});
