import { requestCertificate } from "@pier/certificates";
import { createPrismaClient } from "@pier/db";
import { createChannel, notificationsQueueName } from "@pier/notifications";
import { loadConfig, type PierConfig } from "@pier/shared";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { randomBytes, randomUUID } from "node:crypto";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startChallengeResponder, type ChallengeResponder } from "../../../tests/support/challenge-responder.ts";
import { eventually } from "../../../tests/support/eventually.ts";
import { startPebble, type Pebble } from "../../../tests/support/pebble.ts";
import { startCertificateLoop, type CertificateLoop } from "../src/certificates.ts";

// Two controllers of the same apps, real Postgres, Redis and pebble: a domain published on CERTIFICATES_CHANNEL is
// issued at once, by one of them, once, however many times it is asked for.
describe("the controller's certificate loop", () => {
  const prefix = `cloop-${randomBytes(3).toString("hex")}-`;
  const app = { id: randomUUID(), name: `${prefix}web` };
  const name = `www.${prefix}example.test`;
  const prisma = createPrismaClient(loadConfig().DATABASE_URL);
  const redis = new Redis(loadConfig().REDIS_URL);
  const queueConnection = redis.duplicate();
  let responder: ChallengeResponder;
  let pebble: Pebble;
  let config: PierConfig;
  let notifications: Queue;
  const loops: CertificateLoop[] = [];

  beforeAll(async () => {
    responder = await startChallengeResponder(redis);
    pebble = await startPebble({ httpPort: responder.port });
    config = loadConfig({
      ...process.env,
      PIER_QUEUE_NAME: `test-${randomUUID()}`,
      PIER_ACME_DIRECTORY_URL: pebble.directoryUrl,
      PIER_ACME_CA_FILE: pebble.caFile,
      PIER_CONTROLLER_APP_PREFIX: prefix,
    });
    notifications = new Queue(notificationsQueueName(config.PIER_QUEUE_NAME), { connection: queueConnection });
    await prisma.app.create({ data: { ...app, repoUrl: "file:///nowhere", webhookSecret: "x" } });
    await createChannel(prisma, { url: "http://127.0.0.1:9/hook", format: "json", apps: [app.name] });
  });

  afterAll(async () => {
    await Promise.all(loops.map((loop) => loop.close()));
    const channels = await prisma.notificationChannel.findMany({ where: { apps: { has: app.name } } });
    await prisma.notificationChannel.deleteMany({ where: { id: { in: channels.map((c) => c.id) } } });
    await prisma.app.deleteMany({ where: { id: app.id } });
    await prisma.certificate.deleteMany({ where: { name } });
    if (pebble) await prisma.acmeAccount.deleteMany({ where: { directoryUrl: pebble.directoryUrl } });
    await notifications?.obliterate({ force: true });
    await notifications?.close();
    await pebble?.stop();
    await responder?.close();
    redis.disconnect();
    queueConnection.disconnect();
    await prisma.$disconnect();
  });

  it("issues a domain published on CERTIFICATES_CHANNEL at once, once, across two controllers", async () => {
    const deps = { config, prisma, redis, notifications, logger: pino({ level: "error" }) };
    loops.push(await startCertificateLoop(deps), await startCertificateLoop(deps));
    await prisma.domain.create({ data: { name, appId: app.id } });
    const asked = Date.now();
    for (let i = 0; i < 5; i++) await requestCertificate(redis, name);

    await eventually(
      async () => (await prisma.certificate.findUnique({ where: { name } }))?.status === "ISSUED",
      `${name} issued`,
      30_000,
    );
    console.log(`from the request on CERTIFICATES_CHANNEL to the certificate issued: ${Date.now() - asked} ms`);
    // Both controllers idle again (a pass each, after whatever they were running): nothing was issued twice.
    for (const loop of loops) await loop.runNow();
    const issued = await prisma.notificationDelivery.count({ where: { event: "certificate.issued", appId: app.id } });
    expect(issued).toBe(1);
  });
});
