import { createGithubReportWorker } from "@pier/github";
import { Redis } from "ioredis";
import { randomBytes } from "node:crypto";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { waitForStatus } from "../support/deployments.ts";
import { startFakeGithub, type FakeGithub, type GithubRequest } from "../support/fake-github.ts";
import { createTestRepo, nodeAppFiles, type TestRepo } from "../support/git-repo.ts";
import { deliveryHeaders, pullRequestPayload, pushPayload } from "../support/github.ts";
import { getViaRouter } from "../support/http.ts";
import { startPlatform, testConfig, type Platform } from "../support/platform.ts";

// Pier tells GitHub what its deployments do (a GitHub deployment and its statuses) and keeps one comment on each
// pull request with its preview. GitHub is the stand-in, which checks every call against GitHub's OpenAPI description.

const PUBLIC_URL = "https://pier.example.test";
const OUTAGE = { status: 503, body: { message: "Service Unavailable (a test's outage)" } };

interface StatusBody {
  state: string;
  description?: string;
  log_url?: string;
  environment_url?: string;
}

describe("GitHub reports: deployment statuses and pull-request comments", () => {
  let github: FakeGithub;
  let platform: Platform;
  let repo: TestRepo & { sha: string };
  let secret = "";
  const name = `gh-${randomBytes(3).toString("hex")}`;
  const repository = `acme/${name}`;
  /** When each status reached the stand-in (Date.now()), by the status call. */
  const arrivals = new Map<GithubRequest, number>();
  let nextId = 1000;
  /** The id the stand-in gave each comment it created. */
  const createdCommentIds = new Map<GithubRequest, number>();
  /** How long the first push deploy took (created → READY), to compare the outage's with. */
  let plainDeployMs = 0;
  const closeLater: Array<() => Promise<unknown>> = [];
  /** GitHub is down: the deployment calls answer 503. */
  let githubDown = false;
  /** The commits whose GitHub deployment was asked for while GitHub was down. */
  const refusedRefs: string[] = [];

  const deliver = async (event: string, payload: Record<string, unknown>) => {
    const body = JSON.stringify(payload);
    const res = await platform.api.inject({
      method: "POST",
      url: `/webhooks/github/${name}`,
      headers: deliveryHeaders(event, secret, body),
      payload: body,
    });
    expect(res.statusCode, res.body).toBeLessThan(300);
    return res.json() as { deploymentId?: string; reason?: string };
  };
  const push = (branch: string, sha: string) => {
    const payload = pushPayload({ branch, sha });
    payload.repository = { ...(payload.repository as object), full_name: repository, name };
    return deliver("push", payload);
  };
  /** The GitHub deployment made for a commit, and the states sent for it so far, in arrival order. */
  const reportOf = (sha: string) => {
    const made = github.calls("repos/create-deployment").filter((c) => (c.body as { ref: string }).ref === sha);
    const id = made.length > 0 ? idsBySha.get(sha) : undefined;
    const statuses = github
      .calls("repos/create-deployment-status")
      .filter((c) => id !== undefined && c.params.deployment_id === String(id) && arrivals.has(c));
    return { made, id, statuses, states: statuses.map((s) => (s.body as StatusBody).state) };
  };
  const idsBySha = new Map<string, number>();
  /** READY → success status at the stand-in, per deployment GitHub was up for (the issue's measurement). */
  const delays: number[] = [];
  const successDelay = async (deploymentId: string, sha: string) => {
    const success = reportOf(sha).statuses.find((st) => (st.body as StatusBody).state === "success")!;
    const delay = arrivals.get(success)! - (await record(deploymentId)).finishedAt!.getTime();
    delays.push(delay);
    return delay;
  };
  const record = async (id: string) =>
    platform.prisma.deployment.findUniqueOrThrow({ where: { id }, select: { createdAt: true, finishedAt: true } });

  beforeAll(async () => {
    github = await startFakeGithub();
    github.on("repos/create-deployment", (req) => {
      const body = req.body as { ref: string; environment: string };
      if (githubDown) {
        refusedRefs.push(body.ref);
        return OUTAGE;
      }
      const id = nextId++;
      idsBySha.set(body.ref, id);
      return { status: 201, body: { id, ref: body.ref, sha: body.ref, environment: body.environment } };
    });
    github.on("repos/create-deployment-status", (req) => {
      if (githubDown) return OUTAGE;
      arrivals.set(req, Date.now());
      return { status: 201, body: { id: nextId++, state: (req.body as StatusBody).state } };
    });
    github.on("issues/create-comment", (req) => {
      createdCommentIds.set(req, nextId);
      return { status: 201, body: { id: nextId++, body: (req.body as { body: string }).body } };
    });
    github.on("issues/update-comment", (req) => ({
      status: 200,
      body: { id: Number(req.params.comment_id), body: (req.body as { body: string }).body },
    }));
    platform = await startPlatform(testConfig({ PIER_GITHUB_API_URL: github.url, PIER_PUBLIC_URL: PUBLIC_URL }), {
      // The app's GitHub credentials (their lookup is the credentials' own business, tested there).
      githubToken: async () => "test-token",
    });
    repo = await createTestRepo(nodeAppFiles("one"));
    const created = await platform.api.inject({
      method: "POST",
      url: "/api/apps",
      headers: platform.auth,
      payload: { name, repoUrl: repo.url },
    });
    expect(created.statusCode, created.body).toBe(201);
    secret = created.json().webhookSecret;
  });

  afterAll(async () => {
    if (delays.length > 0)
      console.log(`READY → success status at the stand-in, ${delays.length} deploys: ${delays.join(", ")} ms`);
    await platform?.api.inject({ method: "DELETE", url: `/api/apps/${name}`, headers: platform.auth });
    await platform?.close();
    for (const close of closeLater) await close();
    await repo?.remove();
    await github?.close();
  });

  it("a push deploy: a GitHub deployment, then queued → in_progress → success with its URL", async () => {
    const { deploymentId } = await push("main", repo.sha);
    const deployment = await waitForStatus(platform.api, platform.auth, deploymentId!);
    expect(deployment.status).toBe("READY");
    const { createdAt, finishedAt } = await record(deploymentId!);
    plainDeployMs = finishedAt!.getTime() - createdAt.getTime();

    await expect.poll(() => reportOf(repo.sha).states, { timeout: 30_000, interval: 20 }).toContain("success");
    const report = reportOf(repo.sha);
    expect(report.made).toHaveLength(1);
    expect(report.made[0]!.params).toMatchObject({ owner: "acme", repo: name });
    expect(report.made[0]!.body).toMatchObject({ ref: repo.sha, environment: "production", auto_merge: false });
    expect(report.made[0]!.headers.authorization).toBe("token test-token");
    expect(report.states).toEqual(["queued", "in_progress", "success"]);
    const success = report.statuses[2]!.body as StatusBody;
    expect(success.environment_url).toBe(`http://${name}.localhost:8080`);
    expect(success.log_url).toBe(`${PUBLIC_URL}/deployments/${deploymentId}`);
    const readyToSuccess = await successDelay(deploymentId!, repo.sha);
    console.log(`READY → success status at the stand-in: ${readyToSuccess} ms (deploy took ${plainDeployMs} ms)`);
    expect(readyToSuccess).toBeLessThan(5_000);
    expect(github.invalid).toEqual([]);
  });

  it("a failing build: failure with the reason and the log link", async () => {
    const broken = JSON.stringify({
      name: "hello",
      version: "1.0.0",
      scripts: { build: `node -e "console.error('broken on purpose'); process.exit(3)"`, start: "node server.js" },
    });
    const sha = await repo.commit({ "package.json": broken }, "break the build");
    const { deploymentId } = await push("main", sha);
    const deployment = await waitForStatus(platform.api, platform.auth, deploymentId!);
    expect(deployment.status).toBe("FAILED");

    await expect.poll(() => reportOf(sha).states, { timeout: 30_000, interval: 50 }).toContain("failure");
    const report = reportOf(sha);
    expect(report.states).toEqual(["queued", "in_progress", "failure"]);
    const failure = report.statuses[2]!.body as StatusBody;
    expect(failure.description!.length).toBeLessThanOrEqual(140);
    expect(failure.description).toMatch(/^Failed: /);
    const { failureReason } = await platform.prisma.deployment.findUniqueOrThrow({ where: { id: deploymentId! } });
    expect(failureReason!.startsWith(failure.description!.slice("Failed: ".length, 40))).toBe(true);
    expect(failure.log_url).toBe(`${PUBLIC_URL}/deployments/${deploymentId}`);
    expect(failure.environment_url).toBeUndefined();
    expect(github.invalid).toEqual([]);
  });

  it("a GitHub outage neither fails nor slows the deploy; the statuses follow once GitHub is back", async () => {
    const sha = await repo.commit(nodeAppFiles("three"), "during the outage");
    githubDown = true; // every deployment call answers 503 until the deploy is READY
    const { deploymentId } = await push("main", sha);
    const deployment = await waitForStatus(platform.api, platform.auth, deploymentId!);
    expect(deployment.status).toBe("READY");
    const { createdAt, finishedAt } = await record(deploymentId!);
    const outageDeployMs = finishedAt!.getTime() - createdAt.getTime();
    console.log(`deploy during the GitHub outage: ${outageDeployMs} ms (without: ${plainDeployMs} ms)`);
    expect(outageDeployMs).toBeLessThan(Math.max(plainDeployMs * 1.5, plainDeployMs + 5_000));
    expect((await getViaRouter(platform.routerPort, `${name}.localhost`)).body).toBe("three\n");
    expect(refusedRefs.filter((ref) => ref === sha).length).toBeGreaterThan(1); // tried, then again with back-off
    expect(reportOf(sha).states).toEqual([]);

    githubDown = false;
    const recoveredAt = Date.now();
    await expect.poll(() => reportOf(sha).states, { timeout: 40_000, interval: 50 }).toContain("success");
    const report = reportOf(sha);
    expect(report.states).toEqual(["queued", "in_progress", "success"]);
    const attempts = github.calls("repos/create-deployment").filter((c) => (c.body as { ref: string }).ref === sha);
    const refused = refusedRefs.filter((ref) => ref === sha).length;
    expect(attempts).toHaveLength(refused + 1); // one GitHub deployment in all
    const sinceRecovery = arrivals.get(report.statuses[2]!)! - recoveredAt;
    console.log(
      `outage: ${refused} refused attempts during the deploy; success status ${sinceRecovery} ms after ` +
        "GitHub was back (the next back-off retry)",
    );
    expect(github.invalid).toEqual([]);
  });

  it("a deploy from the API reports too; reports made while no report worker runs leave once one is back", async () => {
    await platform.githubWorker.close(); // the worker process restarting: reports wait in Redis
    const sha = await repo.commit(nodeAppFiles("four"), "deployed from the API");
    const res = await platform.api.inject({ method: "POST", url: `/api/apps/${name}/deploy`, headers: platform.auth });
    expect(res.statusCode, res.body).toBe(202);
    const deployment = await waitForStatus(platform.api, platform.auth, res.json().id);
    expect(deployment.status).toBe("READY");
    expect(deployment.commitSha).toBe(sha);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(reportOf(sha).made).toHaveLength(0);

    const connection = new Redis(platform.config.REDIS_URL, { maxRetriesPerRequest: null });
    platform.githubWorker = createGithubReportWorker({
      prisma: platform.prisma,
      config: platform.config,
      tokenFor: async () => "test-token",
      connection,
      queue: platform.api.pier.github,
      logger: pino({ level: "silent" }),
    });
    closeLater.push(() => connection.quit());
    await expect.poll(() => reportOf(sha).states, { timeout: 15_000 }).toEqual(["queued", "in_progress", "success"]);
    expect(reportOf(sha).made[0]!.body).toMatchObject({ ref: sha, environment: "production" });
    expect(github.invalid).toEqual([]);
  });

  it("a pull request gets one comment, edited on each push, marked on close with its preview gone", async () => {
    const patched = await platform.api.inject({
      method: "PATCH",
      url: `/api/apps/${name}`,
      headers: platform.auth,
      payload: { previews: true },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    const branch = "feature/pr";
    const previewHost = `${name}-git-feature-pr.localhost`;
    const first = await repo.commit(nodeAppFiles("pr one"), "pr work", branch);
    const pushed = await push(branch, first);
    expect((await waitForStatus(platform.api, platform.auth, pushed.deploymentId!)).status).toBe("READY");
    await expect.poll(() => reportOf(first).states, { timeout: 30_000 }).toContain("success");
    await successDelay(pushed.deploymentId!, first);
    expect(reportOf(first).made[0]!.body).toMatchObject({
      environment: `preview/${branch}`,
      transient_environment: true,
    });

    const pr = { number: 7, repository, branch };
    await deliver("pull_request", pullRequestPayload({ ...pr, action: "opened", sha: first }));
    const comments = () => github.calls("issues/create-comment");
    const edits = () => github.calls("issues/update-comment");
    const latestBody = () => {
      const all = [...comments(), ...edits()];
      return all.length > 0 ? (all[all.length - 1]!.body as { body: string }).body : "";
    };
    await expect.poll(latestBody, { timeout: 15_000 }).toContain("Ready");
    expect(comments()).toHaveLength(1);
    expect(comments()[0]!.params).toMatchObject({ owner: "acme", repo: name, issue_number: "7" });
    expect(latestBody()).toContain(`http://${previewHost}:8080`);
    expect(latestBody()).toContain(first.slice(0, 7));

    const second = await repo.commit(nodeAppFiles("pr two"), "more pr work", branch);
    const again = await push(branch, second);
    expect((await waitForStatus(platform.api, platform.auth, again.deploymentId!)).status).toBe("READY");
    await expect.poll(latestBody, { timeout: 15_000 }).toMatch(new RegExp(`Ready[\\s\\S]*${second.slice(0, 7)}`));
    await expect.poll(() => reportOf(second).states, { timeout: 15_000 }).toContain("success");
    await successDelay(again.deploymentId!, second);
    expect(comments()).toHaveLength(1);
    const commentId = String(createdCommentIds.get(comments()[0]!));
    expect(edits().length).toBeGreaterThan(0);
    expect(edits().every((e) => e.params.comment_id === commentId)).toBe(true);
    expect((await getViaRouter(platform.routerPort, previewHost)).body).toBe("pr two\n");

    const closed = await deliver("pull_request", pullRequestPayload({ ...pr, action: "closed", sha: second }));
    expect(closed.reason).toMatch(/preview stopped/);
    expect((await getViaRouter(platform.routerPort, previewHost)).status).toBe(404);
    expect(
      await platform.runtime.listContainers({ "pier.app": name, "pier.preview": "feature-pr" }, { all: true }),
    ).toEqual([]);
    await expect.poll(latestBody, { timeout: 15_000 }).toContain("closed, preview removed");
    expect(comments()).toHaveLength(1);

    // Reopened: the preview is deployed again, and the same comment says so.
    const reopened = await deliver("pull_request", pullRequestPayload({ ...pr, action: "reopened", sha: second }));
    expect(reopened.deploymentId).toBeDefined();
    expect((await waitForStatus(platform.api, platform.auth, reopened.deploymentId!)).status).toBe("READY");
    expect((await getViaRouter(platform.routerPort, previewHost)).body).toBe("pr two\n");
    await expect.poll(latestBody, { timeout: 15_000 }).toContain("Ready");
    expect(comments()).toHaveLength(1);
    expect(edits().every((e) => e.params.comment_id === commentId)).toBe(true);
    expect(github.invalid).toEqual([]);
  });

  it("a pull request from a fork is neither deployed nor commented on", async () => {
    const before = github.calls("issues/create-comment").length;
    const sha = await repo.commit({}, "fork work", "from-a-fork");
    const answer = await deliver(
      "pull_request",
      pullRequestPayload({ action: "opened", number: 8, repository, branch: "from-a-fork", sha, fork: true }),
    );
    expect(answer).toMatchObject({ ignored: true });
    expect(answer.reason).toMatch(/fork/);
    expect(answer.deploymentId).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(github.calls("issues/create-comment")).toHaveLength(before);
  });
});
