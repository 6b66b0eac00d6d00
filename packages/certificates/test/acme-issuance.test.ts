import { createPrismaClient } from "@pier/db";
import { createChannel, notificationsQueueName } from "@pier/notifications";
import { acmeChallengeKey, loadConfig, secretBox, type PierConfig } from "@pier/shared";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { createPrivateKey, randomBytes, randomUUID, X509Certificate } from "node:crypto";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startChallengeResponder, type ChallengeResponder } from "../../../tests/support/challenge-responder.ts";
import { startPebble, type Pebble } from "../../../tests/support/pebble.ts";
import { RETRY_DELAYS_MS } from "../src/certificate-schedule.ts";
import { certificateDueNow, runCertificatePass, type CertificatePassDeps } from "../src/index.ts";

const PEM_CERT = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

// Real Postgres, Redis and pebble (an ACME CA) on 127.0.0.1. A small HTTP server stands in for the router: it
// answers /.well-known/acme-challenge/<token> from the Redis key, and pebble's HTTP-01 validation is pointed at it.
describe("ACME issuance against a real CA (pebble)", () => {
  const prefix = `cert-${randomBytes(3).toString("hex")}-`;
  const appName = `${prefix}web`;
  const appId = randomUUID();
  const domain = (label: string) => `${label}-${randomBytes(3).toString("hex")}.${prefix}example.test`;
  const issuedName = domain("shop");
  const refusedName = domain("refused");
  const prisma = createPrismaClient(loadConfig().DATABASE_URL);
  const redis = new Redis(loadConfig().REDIS_URL);
  const queueConnection = redis.duplicate();
  let responder: ChallengeResponder;
  let pebble: Pebble;
  let config: PierConfig;
  let notifications: Queue;
  let deps: CertificatePassDeps;
  let routesChanged = 0;

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
    deps = {
      config,
      prisma,
      redis,
      notifications,
      logger: pino({ level: "silent" }),
      routesChanged: async () => routesChanged++,
    };
    await prisma.app.create({ data: { id: appId, name: appName, repoUrl: "file:///nowhere", webhookSecret: "x" } });
    await createChannel(prisma, { url: "http://127.0.0.1:9/hook", format: "json", apps: [appName] });
  });

  afterAll(async () => {
    const channels = await prisma.notificationChannel.findMany({ where: { apps: { has: appName } } });
    await prisma.notificationChannel.deleteMany({ where: { id: { in: channels.map((c) => c.id) } } });
    await prisma.app.deleteMany({ where: { id: appId } });
    await prisma.certificate.deleteMany({ where: { name: { endsWith: `.${prefix}example.test` } } });
    if (pebble) await prisma.acmeAccount.deleteMany({ where: { directoryUrl: pebble.directoryUrl } });
    await notifications?.obliterate({ force: true });
    await notifications?.close();
    await pebble?.stop();
    await responder?.close();
    redis.disconnect();
    queueConnection.disconnect();
    await prisma.$disconnect();
  });

  /** The deliveries queued for this app's channel, of one event. */
  const deliveries = (event: string) =>
    prisma.notificationDelivery.findMany({ where: { event, appId }, orderBy: { createdAt: "asc" } });

  it("issues a domain's certificate by HTTP-01: chained to pebble's root, key sealed, renewal at 2/3", async () => {
    await prisma.domain.create({ data: { name: issuedName, appId } });
    const started = Date.now();
    const report = await runCertificatePass(deps);
    const tookMs = Date.now() - started;
    console.log(`one issuance against pebble (a pass with one certificate due): ${tookMs} ms`);

    expect(report).toEqual({ issued: [issuedName], failed: [], expiring: [] });
    expect(routesChanged).toBe(1);
    const stored = await prisma.certificate.findUniqueOrThrow({ where: { name: issuedName } });
    expect(stored).toMatchObject({ status: "ISSUED", error: null, failures: 0, nextAttemptAt: null });

    const [leaf, ...intermediates] = stored.certPem!.match(PEM_CERT)!.map((pem) => new X509Certificate(pem));
    const root = new X509Certificate(await pebble.issuerRootPem());
    expect(leaf!.subjectAltName).toBe(`DNS:${issuedName}`);
    expect(leaf!.serialNumber.toLowerCase()).toBe(stored.serial);
    expect(new Date(leaf!.validFrom).getTime()).toBe(stored.notBefore!.getTime());
    expect(new Date(leaf!.validTo).getTime()).toBe(stored.notAfter!.getTime());
    // leaf ← intermediate(s) ← pebble's root of this run
    const chain = [leaf!, ...intermediates, root];
    for (let i = 0; i + 1 < chain.length; i++) {
      expect(chain[i]!.checkIssued(chain[i + 1]!)).toBe(true);
      expect(chain[i]!.verify(chain[i + 1]!.publicKey)).toBe(true);
    }
    const lifetime = stored.notAfter!.getTime() - stored.notBefore!.getTime();
    expect(Math.abs(stored.renewAt!.getTime() - (stored.notBefore!.getTime() + (lifetime * 2) / 3))).toBeLessThan(2);

    // The private key is sealed at rest, and it is the leaf's.
    expect(stored.keyPem).toMatch(/^enc:v1:/);
    expect(leaf!.checkPrivateKey(createPrivateKey(secretBox(config).open(stored.keyPem!)))).toBe(true);
    const account = await prisma.acmeAccount.findUniqueOrThrow({ where: { directoryUrl: pebble.directoryUrl } });
    expect(account.keyPem).toMatch(/^enc:v1:/);
    expect(account.accountUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+\//);

    // pebble fetched the answer from the routers' key (this responder), and it was taken back afterwards.
    const token = responder.tokensAsked[0];
    expect(token).toBeDefined();
    expect(await redis.exists(acmeChallengeKey(token!))).toBe(0);

    const [issuedAlert] = await deliveries("certificate.issued");
    expect(issuedAlert?.payload).toMatchObject({
      event: "certificate.issued",
      app: { id: appId, name: appName },
      details: { name: issuedName, serial: stored.serial, renewed: false },
    });
  });

  it("a forced renewal gets a new serial and key; a pass with nothing due asks the CA nothing", async () => {
    const before = await prisma.certificate.findUniqueOrThrow({ where: { name: issuedName } });
    expect(await runCertificatePass(deps)).toEqual({ issued: [], failed: [], expiring: [] });

    // The account's URL lost (a crash between registering and recording it): the CA finds the account by its key.
    const { accountUrl } = await prisma.acmeAccount.findUniqueOrThrow({ where: { directoryUrl: pebble.directoryUrl } });
    await prisma.acmeAccount.update({ where: { directoryUrl: pebble.directoryUrl }, data: { accountUrl: null } });
    await certificateDueNow(prisma, redis, issuedName);
    expect(await runCertificatePass(deps)).toEqual({ issued: [issuedName], failed: [], expiring: [] });
    const after = await prisma.certificate.findUniqueOrThrow({ where: { name: issuedName } });
    expect(after.status).toBe("ISSUED");
    expect(after.serial).not.toBe(before.serial);
    expect(secretBox(config).open(after.keyPem!)).not.toBe(secretBox(config).open(before.keyPem!));
    expect(after.renewAt!.getTime()).toBeGreaterThan(Date.now());
    const account = await prisma.acmeAccount.findUniqueOrThrow({ where: { directoryUrl: pebble.directoryUrl } });
    expect(account.accountUrl).toBe(accountUrl);
    const issued = await deliveries("certificate.issued");
    expect(issued.at(-1)?.payload).toMatchObject({ details: { serial: after.serial, renewed: true } });
  });

  it("a refused issuance ends FAILED with the CA's own error, a back-off and a certificate.failed alert", async () => {
    await pebble.failValidationOf(refusedName);
    await prisma.domain.create({ data: { name: refusedName, appId } });
    const started = Date.now();
    const report = await runCertificatePass(deps);
    expect(report).toEqual({ issued: [], failed: [refusedName], expiring: [] });

    const failed = await prisma.certificate.findUniqueOrThrow({ where: { name: refusedName } });
    console.log(`the CA's refusal, as stored: ${failed.error}`);
    expect(failed).toMatchObject({ status: "FAILED", failures: 1, certPem: null });
    // The CA's problem document, type and detail, as pebble wrote them.
    expect(failed.error).toMatch(/\(urn:ietf:params:acme:error:[a-zA-Z]+\)$/);
    expect(failed.error).toContain(refusedName);
    const waitMs = failed.nextAttemptAt!.getTime() - started;
    expect(waitMs).toBeGreaterThanOrEqual(RETRY_DELAYS_MS[0]);
    expect(waitMs).toBeLessThan(RETRY_DELAYS_MS[0] + 60_000);

    const [alert] = await deliveries("certificate.failed");
    expect(alert).toBeDefined();
    expect(alert!.payload).toMatchObject({
      event: "certificate.failed",
      app: { id: appId, name: appName },
      details: { name: refusedName, error: failed.error, failures: 1 },
    });
    expect((alert!.payload as { summary: string }).summary).toContain(failed.error);

    // Not due again before its back-off: the next pass leaves it alone.
    expect(await runCertificatePass(deps)).toEqual({ issued: [], failed: [], expiring: [] });
    expect(routesChanged).toBe(2);
  });

  it("without PIER_ACME_CA_FILE, pebble's own TLS is not trusted: the attempt fails saying why", async () => {
    const name = domain("untrusted");
    await prisma.domain.create({ data: { name, appId } });
    const untrusting = { ...deps, config: { ...config, PIER_ACME_CA_FILE: undefined } };
    expect(await runCertificatePass(untrusting)).toEqual({ issued: [], failed: [name], expiring: [] });
    const failed = await prisma.certificate.findUniqueOrThrow({ where: { name } });
    expect(failed.error).toBe(`could not reach the ACME CA (${pebble.directoryUrl}): self-signed certificate`);
  });
});
