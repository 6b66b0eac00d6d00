import { settleAppContainers } from "@pier/release";
import { announceAndWaitForRouters } from "@pier/routing";
import { LABELS, STAGED_NOTE } from "@pier/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import http from "node:http";
import { createTestRepo, nodeAppFiles, type TestRepo } from "../support/git-repo.ts";
import { eventually } from "../support/eventually.ts";
import { getViaRouter } from "../support/http.ts";
import { haproxyPidsListeningOn } from "../support/listening.ts";
import { logText, waitForStatus } from "../support/deployments.ts";
import { startPlatform, testConfig, type Platform } from "../support/platform.ts";

// Staged deployments (POST /deploy with promote false) and the router's weighted, sticky split between production and
// a rollout's candidate: two real deployments of an app that answers its version, the Rollout row written as the
// rollout controller writes it (@pier/rollouts), the routers told as it tells them.

interface Answer {
  status: number;
  body: string;
  cookie: string | undefined;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });

function get(port: number, host: string, cookie?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { host, ...(cookie ? { cookie } : {}) };
    const req = http.request({ host: "127.0.0.1", port, agent, path: "/", headers, timeout: 10_000 }, (res) => {
      let body = "";
      res.on("data", (c) => (body += c));
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, body, cookie: res.headers["set-cookie"]?.[0]?.split(";")[0] }),
      );
    });
    req.on("timeout", () => req.destroy(new Error(`no answer from ${host}`)));
    req.on("error", reject);
    req.end();
  });
}

/** `total` requests, `concurrency` at a time: a bounded loop on 127.0.0.1. */
async function many(total: number, concurrency: number, send: () => Promise<Answer>): Promise<Answer[]> {
  const answers: Answer[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next++ < total) answers.push(await send());
    }),
  );
  return answers;
}

describe("staged deployments and the rollout split", () => {
  let platform: Platform;
  let repo: TestRepo;
  const name = `stg-${randomBytes(3).toString("hex")}`;
  const host = `${name}.localhost`;
  let appId = "";
  let productionId = "";
  let staged = { id: "", shortId: "" };

  const api = (method: "GET" | "POST", url: string, payload?: object) =>
    platform.api.inject({ method, url, headers: platform.auth, ...(payload ? { payload } : {}) });
  const V1 = "version 1\n";
  const V2 = "version 2\n";
  /** Sets the rollout's weight as the rollout controller does (its row, then the routers told), timing the routers. */
  const setWeight = async (weight: number) => {
    const begun = performance.now();
    await platform.prisma.rollout.updateMany({ where: { appId }, data: { weight } });
    expect(await announceAndWaitForRouters(platform.api.pier.redis, 10_000)).toBe(true);
    return performance.now() - begun;
  };

  beforeAll(async () => {
    platform = await startPlatform(testConfig({ PIER_DRAIN_MS: "200", PIER_WARM_DEPLOYMENTS: "0" }));
    repo = await createTestRepo(nodeAppFiles("version 1"));
    const created = await api("POST", "/api/apps", { name, repoUrl: repo.url });
    expect(created.statusCode).toBe(201);
    appId = created.json().id;
    const queued = await api("POST", `/api/apps/${name}/deploy`);
    const v1 = await waitForStatus(platform.api, platform.auth, queued.json().id);
    if (v1.status !== "READY") throw new Error(`v1 ${v1.status}: ${await logText(platform.api, platform.auth, v1.id)}`);
    productionId = v1.id;
  }, 300_000);
  afterAll(async () => {
    agent.destroy();
    await platform.api.inject({ method: "DELETE", url: `/api/apps/${name}`, headers: platform.auth });
    await platform.close();
    await repo.remove();
  });

  it("a staged deploy is READY at its own URL, not production, and says so", async () => {
    await repo.commit(nodeAppFiles("version 2"), "version 2");
    const queued = await api("POST", `/api/apps/${name}/deploy`, { promote: false });
    expect(queued.statusCode).toBe(202);
    expect(queued.json()).toMatchObject({ promote: false, staged: STAGED_NOTE, isProduction: false });
    const done = await waitForStatus(platform.api, platform.auth, queued.json().id);
    expect(done).toMatchObject({ status: "READY", isProduction: false, staged: STAGED_NOTE });
    staged = { id: done.id, shortId: done.shortId };
    expect(await logText(platform.api, platform.auth, staged.id)).toContain(STAGED_NOTE);
    expect((await api("GET", `/api/apps/${name}`)).json().productionDeploymentId).toBe(productionId);
    expect((await getViaRouter(platform.routerPort, host)).body).toBe(V1);
    expect((await getViaRouter(platform.routerPort, `${name}-${staged.shortId}.localhost`)).body).toBe(V2);
    // Settling after a production release (drain, keep warm, stop the rest) leaves the staged deployment running.
    await settleAppContainers(platform.api.pier, appId, { drainMs: 0, keepWarm: 0 });
    const running = await platform.runtime.listContainers({ [LABELS.deployment]: staged.id });
    expect(running.filter((c) => c.running)).toHaveLength(1);
    expect(await api("POST", `/api/apps/${name}/deploy`, { promote: "no" })).toMatchObject({ statusCode: 400 });
  });

  it("splits new clients by weight, keeps each on its version, and withdraws with no failure", async () => {
    await platform.prisma.rollout.create({
      data: {
        id: randomBytes(8).toString("hex"),
        appId,
        candidateDeploymentId: staged.id,
        baseDeploymentId: productionId,
        steps: [25, 100],
        intervalSeconds: 300,
        weight: 0,
        cause: "API",
      },
    });
    const pid = await haproxyPidsListeningOn(platform.routerPort);
    const applied = [await setWeight(25)];
    await platform.router.collectMetrics();
    const since = new Date();
    const clients = await many(2_000, 8, () => get(platform.routerPort, host));
    expect(clients.filter((a) => a.status !== 200)).toEqual([]);
    const toCandidate = clients.filter((a) => a.body === V2).length;
    const share = toCandidate / clients.length;
    expect(share).toBeGreaterThanOrEqual(0.22);
    expect(share).toBeLessThanOrEqual(0.28);
    // The router measured each version apart: the candidate's samples hold exactly the requests it answered.
    await platform.router.collectMetrics();
    const samples = await platform.prisma.metricSample.groupBy({
      by: ["deploymentId"],
      where: { appId, at: { gt: since } },
      _sum: { requests: true },
    });
    const counted = new Map(samples.map((s) => [s.deploymentId, s._sum.requests]));
    expect(counted.get(staged.id)).toBe(toCandidate);
    expect(counted.get(productionId)).toBe(clients.length - toCandidate);

    // A client keeps the version its cookie names, 50 requests long.
    const candidateCookie = clients.find((a) => a.body === V2)!.cookie!;
    const productionCookie = clients.find((a) => a.body === V1)!.cookie!;
    expect(candidateCookie).toBe(`pier_v=${staged.id}`);
    const sticky = await many(50, 2, () => get(platform.routerPort, host, candidateCookie));
    expect(new Set(sticky.map((a) => a.body))).toEqual(new Set([V2]));
    const stickyProduction = await many(50, 2, () => get(platform.routerPort, host, productionCookie));
    expect(new Set(stickyProduction.map((a) => a.body))).toEqual(new Set([V1]));
    // The candidate's own URL serves it alone.
    expect((await getViaRouter(platform.routerPort, `${name}-${staged.shortId}.localhost`)).body).toBe(V2);

    // Weight 0 while cookie holders keep asking: from then on, production answers them all, and none fails.
    let asking = true;
    const during: Answer[] = [];
    const holders = Array.from({ length: 4 }, async () => {
      while (asking) during.push(await get(platform.routerPort, host, candidateCookie));
    });
    await eventually(async () => during.length >= 20, "cookie holders asking");
    applied.push(await setWeight(0));
    const after = await many(200, 4, () => get(platform.routerPort, host, candidateCookie));
    const fresh = await many(200, 4, () => get(platform.routerPort, host));
    asking = false;
    await Promise.all(holders);
    expect([...during, ...after, ...fresh].filter((a) => a.status !== 200)).toEqual([]);
    expect(new Set([...after, ...fresh].map((a) => a.body))).toEqual(new Set([V1]));
    expect(during.some((a) => a.body === V2)).toBe(true);
    applied.push(await setWeight(50), await setWeight(0));
    // Weights change through HAProxy's runtime API: the same HAProxy process serves throughout.
    expect(await haproxyPidsListeningOn(platform.routerPort)).toEqual(pid);
    console.log(
      `rollout split: candidate ${(share * 100).toFixed(1)} % of 2,000 new clients at weight 25; ` +
        `weight change → every router serving it: ${applied.map((ms) => ms.toFixed(0)).join(", ")} ms`,
    );
    await platform.prisma.rollout.updateMany({ where: { appId }, data: { state: "ABORTED" } });
  });

  it("promote makes the staged deployment production", async () => {
    const promoted = await api("POST", `/api/apps/${name}/promote`, { deploymentId: staged.id });
    expect(promoted.statusCode).toBe(200);
    expect((await getViaRouter(platform.routerPort, host)).body).toBe(V2);
    const now = (await api("GET", `/api/deployments/${staged.id}`)).json();
    expect(now).toMatchObject({ isProduction: true, staged: null, promote: false });
  });

  it("a deploy whose pier.json has a rollout goes up as the candidate of a rollout, production unchanged", async () => {
    const rollout = { steps: [50, 100], intervalSeconds: 3600 };
    await repo.commit({ ...nodeAppFiles("version 3"), "pier.json": JSON.stringify({ rollout }) }, "version 3");
    const done = await waitForStatus(
      platform.api,
      platform.auth,
      (await api("POST", `/api/apps/${name}/deploy`)).json().id,
    );
    expect(done).toMatchObject({ status: "READY", isProduction: false });
    expect((await api("GET", `/api/apps/${name}`)).json().productionDeploymentId).toBe(staged.id);
    const started = await platform.prisma.rollout.findFirst({ where: { appId, state: "RUNNING" } });
    expect(started).toMatchObject({ candidateDeploymentId: done.id, baseDeploymentId: staged.id, weight: 50 });
    expect(await logText(platform.api, platform.auth, done.id)).toMatch(/Rollout \S+ \(pier\.json\): 50 → 100 %/);
    await announceAndWaitForRouters(platform.api.pier.redis, 10_000);
    const answers = await many(100, 4, () => get(platform.routerPort, host));
    expect(new Set(answers.map((a) => a.body))).toEqual(new Set([V2, "version 3\n"]));
    await platform.prisma.rollout.updateMany({ where: { appId }, data: { state: "ABORTED" } });
  });
});
