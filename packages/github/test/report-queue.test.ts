import { createPrismaClient, type PrismaClient } from "@pier/db";
import { markFailed, markReady, startBuilding, startDeploying } from "@pier/lifecycle";
import { githubQueueName, loadConfig, type PierConfig } from "@pier/shared";
import { Queue, type Worker } from "bullmq";
import { Redis } from "ioredis";
import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startFakeGithub, type FakeGithub } from "../../../tests/support/fake-github.ts";
import { reportStatusChanges } from "../src/report-queue.ts";
import { createGithubReportWorker } from "../src/report-worker.ts";

// The GitHub report queue on real Postgres and Redis, GitHub being the stand-in: statuses leave in order, each once,
// whatever GitHub does meanwhile (slow, down, refusing), and wait in Redis while no worker runs.

const quiet = { info() {}, warn() {}, error() {} };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("the GitHub report queue", () => {
  let github: FakeGithub;
  let prisma: PrismaClient;
  let connection: Redis;
  let config: PierConfig;
  /** The states GitHub took (answered 201), by GitHub deployment id, in order of arrival. */
  const taken = new Map<string, string[]>();
  let nextId = 1;
  /** Commits GitHub says it doesn't know (422). */
  const refused = new Set<string>();
  const cleanup: Array<() => Promise<unknown>> = [];

  beforeAll(async () => {
    github = await startFakeGithub();
    github.on("repos/create-deployment", (req) =>
      refused.has((req.body as { ref: string }).ref)
        ? { status: 422, body: { message: "No ref found" } }
        : { status: 201, body: { id: nextId++ } },
    );
    github.on("repos/create-deployment-status", async (req) => {
      await sleep(100); // a slow GitHub: a later status must still not overtake this one
      const states = taken.get(req.params.deployment_id!) ?? [];
      states.push((req.body as { state: string }).state);
      taken.set(req.params.deployment_id!, states);
      return { status: 201, body: { id: nextId++ } };
    });
    prisma = createPrismaClient(process.env.DATABASE_URL!);
    connection = new Redis(process.env.REDIS_URL!, { maxRetriesPerRequest: null });
  });
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });
  afterAll(async () => {
    await prisma?.$disconnect();
    await connection?.quit();
    await github?.close();
  });

  /** Its own queue, a listener for this process's status changes, and a worker (unless told not to start one). */
  async function setUp(options: { token?: string | null; worker?: boolean } = {}) {
    config = loadConfig({
      ...process.env,
      PIER_QUEUE_NAME: `test-${randomUUID()}`,
      PIER_GITHUB_API_URL: github.url,
      PIER_PUBLIC_URL: "https://pier.example.test",
    });
    const queue = new Queue(githubQueueName(config.PIER_QUEUE_NAME), { connection: connection.duplicate() });
    const stop = reportStatusChanges(queue, quiet);
    const token = options.token === undefined ? "test-token" : options.token;
    const startWorker = () =>
      createGithubReportWorker({ prisma, config, tokenFor: async () => token, connection, queue, logger: quiet });
    const workers: Worker[] = options.worker === false ? [] : [startWorker()];
    cleanup.push(async () => {
      stop();
      await Promise.all(workers.map((w) => w.close()));
      await queue.obliterate({ force: true });
      await queue.close();
    });
    return { queue, workers, startWorker };
  }

  async function createDeployment(githubRepository: string | null = "acme/shop") {
    const appId = randomUUID();
    const name = `rq-${randomBytes(3).toString("hex")}`;
    await prisma.app.create({
      data: { id: appId, name, repoUrl: "file:///tmp/nowhere", webhookSecret: "s", githubRepository },
    });
    cleanup.push(() => prisma.app.delete({ where: { id: appId } }));
    const id = randomUUID().replaceAll("-", "").slice(0, 16);
    const sha = randomBytes(20).toString("hex");
    await prisma.deployment.create({
      data: { id, shortId: id.slice(0, 8), appId, trigger: "PUSH", branch: "main", commitSha: sha },
    });
    return { id, sha };
  }

  /** The calls that asked GitHub for a deployment of `sha` (refused ones too). */
  const reported = (sha: string) =>
    github.calls("repos/create-deployment").filter((c) => (c.body as { ref: string }).ref === sha);
  async function statesOf(deploymentId: string): Promise<string[]> {
    const report = await prisma.githubDeploymentReport.findUnique({ where: { deploymentId } });
    if (report?.githubDeploymentId == null) return [];
    return taken.get(String(report.githubDeploymentId)) ?? [];
  }

  async function moveToReady(id: string) {
    expect(await startBuilding(prisma, id)).toBe(true);
    await startDeploying(prisma, id, {});
    await markReady(prisma, id, {} as never);
  }

  it("sends each state once and in order, however fast the deployment moves and however slow GitHub is", async () => {
    await setUp();
    const { id, sha } = await createDeployment();
    await moveToReady(id);
    await expect.poll(() => statesOf(id), { timeout: 10_000 }).toEqual(["queued", "in_progress", "success"]);
    expect(reported(sha)).toHaveLength(1);
    const stored = await prisma.githubDeploymentReport.findUniqueOrThrow({ where: { deploymentId: id } });
    expect(stored.sentStates).toEqual(["queued", "in_progress", "success"]);
    await sleep(300);
    expect(await statesOf(id)).toEqual(["queued", "in_progress", "success"]);
    expect(github.invalid).toEqual([]);
  });

  it("a GitHub outage is retried with back-off; nothing is lost, doubled or reordered", async () => {
    await setUp();
    const { id, sha } = await createDeployment();
    github.failNext("repos/create-deployment", 503, 1);
    github.failNext("repos/create-deployment-status", 502, 2);
    const started = Date.now();
    await moveToReady(id);
    expect(Date.now() - started).toBeLessThan(1_000); // the status changes never wait on GitHub
    await expect.poll(() => statesOf(id), { timeout: 20_000 }).toEqual(["queued", "in_progress", "success"]);
    expect(reported(sha)).toHaveLength(2); // refused once, then made: one GitHub deployment
    expect(github.invalid).toEqual([]);
  });

  it("reports wait in Redis while no worker runs, and leave in order once one starts", async () => {
    const { startWorker, workers } = await setUp({ worker: false });
    const { id, sha } = await createDeployment();
    expect(await startBuilding(prisma, id)).toBe(true);
    expect(await markFailed(prisma, id, `npm run build exited with 1\n${"x".repeat(300)}`)).toBe(true);
    await sleep(300);
    expect(reported(sha)).toHaveLength(0);
    workers.push(startWorker());
    await expect.poll(() => statesOf(id), { timeout: 10_000 }).toEqual(["queued", "in_progress", "failure"]);
    const failure = github
      .calls("repos/create-deployment-status")
      .map((c) => c.body as { state: string; description: string; log_url: string })
      .find((b) => b.state === "failure" && b.log_url.endsWith(`/deployments/${id}`));
    expect(failure?.description).toBe("Failed: npm run build exited with 1");
    expect(failure?.log_url).toBe(`https://pier.example.test/deployments/${id}`);
    expect(github.invalid).toEqual([]);
  });

  it("GitHub refusing (422) ends a report at once: no back-off, the next status change tries again", async () => {
    await setUp();
    const { id, sha } = await createDeployment();
    refused.add(sha);
    await moveToReady(id); // three status changes: at most three reports
    await expect.poll(() => reported(sha).length, { timeout: 5_000 }).toBeGreaterThan(0);
    await sleep(1_500);
    const tries = reported(sha).length;
    expect(tries).toBeLessThanOrEqual(3);
    await sleep(2_500); // retries with back-off would keep coming (1 s, 2 s, 4 s …)
    expect(reported(sha)).toHaveLength(tries);
    expect(await statesOf(id)).toEqual([]);
  });

  it("nothing is sent for an app without credentials, or not on GitHub", async () => {
    await setUp({ token: null });
    const noCredentials = await createDeployment();
    await moveToReady(noCredentials.id);
    const elsewhere = await createDeployment(null); // a local repository: not on GitHub
    await moveToReady(elsewhere.id);
    await sleep(1_000);
    expect(reported(noCredentials.sha)).toHaveLength(0);
    expect(reported(elsewhere.sha)).toHaveLength(0);
  });
});
