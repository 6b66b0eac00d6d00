import { createPrismaClient, type Prisma } from "@pier/db";
import { CERTIFICATES_CHANNEL, type DomainSpec } from "@pier/shared";
import { Redis } from "ioredis";
import { randomBytes } from "node:crypto";
import { rm } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { operatorCertificateDir } from "../../../tests/support/operator-certificate.ts";
import { switchProduction } from "../src/switch-production.ts";

/**
 * pier.json's domains go live with the deployment that lists them: switchProduction makes the app's CONFIG domains
 * the deployment's, on the real database, and asks for their certificates on Redis. No container: deployment rows
 * stand in (the switch reads nothing else of them).
 */
describe("go-live: the app's pier.json domains become the live deployment's", () => {
  const prisma = createPrismaClient(process.env.DATABASE_URL!);
  const redis = new Redis(process.env.REDIS_URL!);
  const subscriber = new Redis(process.env.REDIS_URL!);
  // Every name of this run ends in its own suffix: domains are unique across the whole database.
  const tld = `t${randomBytes(4).toString("hex")}.example`;
  const at = (label: string) => `${label}.${tld}`;
  const announced: string[] = [];
  const apps: string[] = [];
  let certDir = "";

  const newApp = async () => {
    const id = `cd${randomBytes(6).toString("hex")}`;
    apps.push(id);
    await prisma.app.create({
      data: { id, name: `cd-${id.slice(2)}`, repoUrl: "file:///nowhere", webhookSecret: "x" },
    });
    return id;
  };
  const deployment = async (appId: string, domains: DomainSpec[] | null) => {
    const id = `d${randomBytes(8).toString("hex")}`;
    await prisma.deployment.create({
      data: {
        id,
        shortId: id.slice(1, 9),
        appId,
        trigger: "API",
        branch: "main",
        status: "READY",
        domains: domains ?? undefined,
      },
    });
    return id;
  };
  const goLive = (appId: string, toDeploymentId: string) =>
    switchProduction(prisma, redis, {
      appId,
      toDeploymentId,
      kind: "DEPLOY",
      cause: "API",
      routerAckTimeoutMs: 10,
      tlsCertDir: certDir,
    });
  const domainsOf = async (appId: string) =>
    (await prisma.domain.findMany({ where: { appId }, orderBy: { name: "asc" } })).map((d) => ({
      name: d.name,
      redirectTo: d.redirectTo,
      redirectStatus: d.redirectStatus,
      source: d.source,
    }));
  const spec = (name: string, redirectTo: string | null = null, redirectStatus: 301 | 308 = 308): DomainSpec => ({
    name,
    redirectTo,
    redirectStatus,
  });
  const certificate = (name: string) => prisma.certificate.findUnique({ where: { name } });

  beforeAll(async () => {
    certDir = await operatorCertificateDir([`*.wild.${tld}`, at("covered")]);
    await subscriber.subscribe(CERTIFICATES_CHANNEL);
    subscriber.on("message", (_channel, name: string) => {
      if (name.endsWith(tld)) announced.push(name);
    });
  });
  afterAll(async () => {
    await prisma.app.deleteMany({ where: { id: { in: apps } } });
    await prisma.certificate.deleteMany({ where: { name: { endsWith: tld } } });
    await prisma.$disconnect();
    redis.disconnect();
    subscriber.disconnect();
    await rm(certDir, { recursive: true, force: true });
  });

  it("adds the listed domains as CONFIG ones, certificates asked for except where the operator's serve", async () => {
    const appId = await newApp();
    const v1 = await deployment(appId, [
      spec(at("shop")),
      spec(at("www"), at("shop"), 301),
      spec(`*.wild.${tld}`),
      spec(at("covered")),
    ]);
    const result = await goLive(appId, v1);
    expect(result.domains).toMatchObject({
      added: [at("shop"), at("www"), `*.wild.${tld}`, at("covered")],
      removed: [],
      skipped: [],
      certificates: [at("shop"), at("www")],
    });
    expect(await domainsOf(appId)).toEqual([
      { name: `*.wild.${tld}`, redirectTo: null, redirectStatus: 308, source: "CONFIG" },
      { name: at("covered"), redirectTo: null, redirectStatus: 308, source: "CONFIG" },
      { name: at("shop"), redirectTo: null, redirectStatus: 308, source: "CONFIG" },
      { name: at("www"), redirectTo: at("shop"), redirectStatus: 301, source: "CONFIG" },
    ]);
    const shop = await certificate(at("shop"));
    expect(shop).toMatchObject({ status: "PENDING" });
    expect(Date.now() - shop!.nextAttemptAt!.getTime()).toBeLessThan(60_000);
    expect(await certificate(at("www"))).toMatchObject({ status: "PENDING" });
    expect(await certificate(`*.wild.${tld}`)).toBeNull();
    expect(await certificate(at("covered"))).toBeNull();
    await expect.poll(() => [...announced].sort()).toEqual([at("shop"), at("www")]);
  });

  it("the next go-live removes CONFIG domains no longer listed, keeps API ones, skips another app's", async () => {
    const appId = await newApp();
    const other = await newApp();
    await goLive(appId, await deployment(appId, [spec(at("keep")), spec(at("drop")), spec(at("moved"))]));
    await prisma.domain.createMany({
      data: [
        { name: at("by-hand"), appId, source: "API" },
        { name: at("theirs"), appId: other, source: "API" },
      ],
    });
    // An issuance that failed, and one issued: the failed one is due again, the issued one kept as it is.
    const past = new Date(Date.now() - 86_400_000);
    const later = new Date(Date.now() + 86_400_000);
    await prisma.certificate.createMany({
      data: [
        { name: at("retry"), status: "FAILED", error: "CA said no", failures: 3, nextAttemptAt: later },
        { name: at("issued"), status: "ISSUED", serial: "abc", notAfter: later, renewAt: later, nextAttemptAt: past },
      ],
    });
    const before = announced.length;
    const result = await goLive(
      appId,
      await deployment(appId, [
        spec(at("keep"), null),
        spec(at("moved"), at("keep"), 308),
        spec(at("theirs")),
        spec(at("redirects-to-theirs"), at("theirs")),
        spec(at("retry")),
        spec(at("issued")),
      ]),
    );
    expect(result.domains).toEqual({
      added: [at("retry"), at("issued")],
      updated: [at("moved")],
      removed: [at("drop")],
      skipped: [
        { name: at("theirs"), why: expect.stringContaining("belongs to app cd-") },
        { name: at("redirects-to-theirs"), why: expect.stringContaining(`redirects to ${at("theirs")}`) },
      ],
      certificates: [at("retry"), at("issued")],
      unreadable: [],
    });
    expect(await domainsOf(appId)).toEqual([
      { name: at("by-hand"), redirectTo: null, redirectStatus: 308, source: "API" },
      { name: at("issued"), redirectTo: null, redirectStatus: 308, source: "CONFIG" },
      { name: at("keep"), redirectTo: null, redirectStatus: 308, source: "CONFIG" },
      { name: at("moved"), redirectTo: at("keep"), redirectStatus: 308, source: "CONFIG" },
      { name: at("retry"), redirectTo: null, redirectStatus: 308, source: "CONFIG" },
    ]);
    expect((await domainsOf(other)).map((d) => d.name)).toEqual([at("theirs")]);
    // The removed domain's certificate stays (the CA's rate limits), as do the two above.
    expect(await certificate(at("drop"))).toMatchObject({ status: "PENDING" });
    const retry = await certificate(at("retry"));
    expect(retry).toMatchObject({ status: "FAILED", failures: 3, error: "CA said no" });
    expect(retry!.nextAttemptAt!.getTime()).toBeLessThan(Date.now() + 1_000);
    expect(await certificate(at("issued"))).toMatchObject({ status: "ISSUED", serial: "abc", renewAt: later });
    await expect.poll(() => announced.slice(before).sort()).toEqual([at("issued"), at("retry")].sort());
  });

  it("a CONFIG domain an API domain redirects to stays; an empty list removes the rest", async () => {
    const appId = await newApp();
    await goLive(appId, await deployment(appId, [spec(at("apex")), spec(at("blog"))]));
    await prisma.domain.create({ data: { name: at("old"), appId, source: "API", redirectTo: at("apex") } });
    const result = await goLive(appId, await deployment(appId, []));
    expect(result.domains).toMatchObject({
      removed: [at("blog")],
      skipped: [{ name: at("apex"), why: `kept: ${at("old")} still redirects to it` }],
    });
    expect((await domainsOf(appId)).map((d) => [d.name, d.source])).toEqual([
      [at("apex"), "CONFIG"],
      [at("old"), "API"],
    ]);
  });

  it("a deployment made before Pier recorded domains leaves them as they are (a rollback to it, say)", async () => {
    const appId = await newApp();
    const withDomains = await deployment(appId, [spec(at("stays"))]);
    await goLive(appId, withDomains);
    const result = await goLive(appId, await deployment(appId, null));
    expect(result.domains).toBeNull();
    expect((await domainsOf(appId)).map((d) => d.name)).toEqual([at("stays")]);
    const stored = await prisma.deployment.findUniqueOrThrow({ where: { id: withDomains } });
    expect(stored.domains as Prisma.JsonArray).toEqual([spec(at("stays"))]);
  });
});
