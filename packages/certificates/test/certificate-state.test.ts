import { createPrismaClient } from "@pier/db";
import { createChannel, notificationsQueueName } from "@pier/notifications";
import { loadConfig, type PierConfig } from "@pier/shared";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { randomBytes, randomUUID } from "node:crypto";
import { rm } from "node:fs/promises";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../../../tests/support/free-port.ts";
import { operatorCertificateDir } from "../../../tests/support/operator-certificate.ts";
import { AcmeProblem, RATE_LIMITED } from "../src/acme-problem.ts";
import { markFailed } from "../src/certificate-state.ts";
import { runCertificatePass, type CertificatePassDeps } from "../src/index.ts";
import { certificateNamesInUse } from "../src/names-in-use.ts";

const HOUR = 60 * 60_000;
const DAY = 24 * HOUR;

// On the real database and Redis, with no CA at all: its directory is a closed port of 127.0.0.1.
describe("certificate state: which names, failures, expiry", () => {
  const prefix = `cstate-${randomBytes(3).toString("hex")}-`;
  const zone = `${prefix}example.test`;
  const app = { id: randomUUID(), name: `${prefix}web` };
  const stranger = { id: randomUUID(), name: `other-${randomBytes(3).toString("hex")}` };
  const prisma = createPrismaClient(loadConfig().DATABASE_URL);
  const redis = new Redis(loadConfig().REDIS_URL);
  const queueConnection = redis.duplicate();
  let operatorDir: string;
  let caPort: number;
  let config: PierConfig;
  let notifications: Queue;
  let deps: CertificatePassDeps;

  beforeAll(async () => {
    operatorDir = await operatorCertificateDir([`*.covered.${zone}`]);
    caPort = await freePort();
    config = loadConfig({
      ...process.env,
      PIER_QUEUE_NAME: `test-${randomUUID()}`,
      PIER_ACME_DIRECTORY_URL: `https://127.0.0.1:${caPort}/dir`,
      PIER_CONTROLLER_APP_PREFIX: prefix,
      PIER_TLS_CERT_DIR: operatorDir,
      PIER_API_DOMAIN: `api.${zone}`,
    });
    notifications = new Queue(notificationsQueueName(config.PIER_QUEUE_NAME), { connection: queueConnection });
    deps = { config, prisma, redis, notifications, logger: pino({ level: "silent" }), routesChanged: async () => 0 };
    for (const a of [app, stranger])
      await prisma.app.create({ data: { ...a, repoUrl: "file:///nowhere", webhookSecret: "x" } });
    await createChannel(prisma, { url: "http://127.0.0.1:9/hook", format: "json", apps: [app.name] });
  });

  afterAll(async () => {
    const channels = await prisma.notificationChannel.findMany({ where: { apps: { has: app.name } } });
    await prisma.notificationChannel.deleteMany({ where: { id: { in: channels.map((c) => c.id) } } });
    await prisma.app.deleteMany({ where: { id: { in: [app.id, stranger.id] } } });
    await prisma.certificate.deleteMany({ where: { name: { endsWith: zone } } });
    await prisma.acmeAccount.deleteMany({ where: { directoryUrl: config.PIER_ACME_DIRECTORY_URL } });
    await notifications?.obliterate({ force: true });
    await notifications?.close();
    await rm(operatorDir, { recursive: true, force: true });
    redis.disconnect();
    queueConnection.disconnect();
    await prisma.$disconnect();
  });

  it("names in use: this controller's apps' domains, no wildcards, none an operator certificate covers", async () => {
    await prisma.domain.createMany({
      data: [
        { name: `www.${zone}`, appId: app.id },
        { name: `*.wild.${zone}`, appId: app.id },
        { name: `shop.covered.${zone}`, appId: app.id },
        { name: `elsewhere.${zone}`, appId: stranger.id },
      ],
    });
    const names = await certificateNamesInUse(deps);
    expect([...names.entries()]).toEqual([[`www.${zone}`, app]]);
    // PIER_API_DOMAIN belongs to the controller of every app (no prefix).
    const everyApp = await certificateNamesInUse({ ...deps, config: { ...config, PIER_CONTROLLER_APP_PREFIX: "" } });
    expect(everyApp.get(`api.${zone}`)).toBeNull();
    expect(everyApp.get(`elsewhere.${zone}`)).toEqual(stranger);
    await prisma.domain.deleteMany({ where: { appId: { in: [app.id, stranger.id] } } });
  });

  it("a CA that can't be reached fails the attempt saying so, and the certificate waits its back-off", async () => {
    const name = `down.${zone}`;
    await prisma.domain.create({ data: { name, appId: app.id } });
    expect(await runCertificatePass(deps)).toEqual({ issued: [], failed: [name], expiring: [] });
    const failed = await prisma.certificate.findUniqueOrThrow({ where: { name } });
    expect(failed).toMatchObject({ status: "FAILED", failures: 1 });
    expect(failed.error).toBe(
      `could not reach the ACME CA (https://127.0.0.1:${caPort}/dir): connect ECONNREFUSED 127.0.0.1:${caPort}`,
    );
    await prisma.domain.delete({ where: { name } });
  });

  it("a rate-limited renewal keeps the certificate in service and waits the CA's Retry-After", async () => {
    const name = `limited.${zone}`;
    const inService = { certPem: "the chain in service", serial: "0a", notAfter: new Date(Date.now() + 30 * DAY) };
    await prisma.certificate.create({ data: { name, status: "ISSUED", ...inService, failures: 2 } });
    const problem = new AcmeProblem({
      type: RATE_LIMITED,
      detail: "too many certificates already issued for this exact set of domains",
      status: 429,
      retryAfterMs: 3 * HOUR,
    });
    const now = new Date();
    const failed = await markFailed(prisma, name, problem, now);
    expect(failed).toMatchObject({ status: "FAILED", failures: 3, ...inService });
    expect(failed.error).toBe(`too many certificates already issued for this exact set of domains (${RATE_LIMITED})`);
    expect(failed.nextAttemptAt).toEqual(new Date(now.getTime() + 3 * HOUR));
  });

  it("announces an expiring certificate once; a name no longer in use is neither renewed nor announced", async () => {
    const soon = new Date(Date.now() + 5 * DAY);
    const failing = {
      status: "FAILED" as const,
      certPem: "the chain in service",
      notAfter: soon,
      renewAt: new Date(Date.now() - 25 * DAY),
      error: "the CA's last refusal",
      failures: 4,
      nextAttemptAt: new Date(Date.now() + HOUR),
    };
    await prisma.domain.create({ data: { name: `expiring.${zone}`, appId: app.id } });
    await prisma.certificate.create({ data: { name: `expiring.${zone}`, ...failing } });
    // A domain deleted since: its certificate is due for renewal and about to expire, and left alone.
    const gone = { name: `gone.${zone}`, status: "ISSUED" as const, certPem: "old", notAfter: soon };
    await prisma.certificate.create({ data: { ...gone, renewAt: new Date(Date.now() - DAY) } });

    expect(await runCertificatePass(deps)).toEqual({ issued: [], failed: [], expiring: [`expiring.${zone}`] });
    expect(await runCertificatePass(deps)).toEqual({ issued: [], failed: [], expiring: [] });

    const alerts = await prisma.notificationDelivery.findMany({ where: { event: "certificate.expiring" } });
    const mine = alerts.filter((a) => (a.payload as { details?: { name?: string } }).details?.name?.endsWith(zone));
    expect(mine).toHaveLength(1);
    expect(mine[0]!.payload).toMatchObject({
      app: { id: app.id, name: app.name },
      details: { name: `expiring.${zone}`, error: "the CA's last refusal", notAfter: soon.toISOString() },
    });
    expect((mine[0]!.payload as { summary: string }).summary).toMatch(/expires in 5 day\(s\).*the CA's last refusal/);
    const untouched = await prisma.certificate.findUniqueOrThrow({ where: { name: gone.name } });
    expect(untouched).toMatchObject({ ...gone, failures: 0, expiryAlertAt: null });
  });
});
