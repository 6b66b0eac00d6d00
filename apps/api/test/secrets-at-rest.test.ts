import { createPrismaClient, rotateSecrets } from "@pier/db";
import { SecretBox, secretBox } from "@pier/shared";
import { randomBytes } from "node:crypto";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testConfig } from "../../../tests/support/platform.ts";
import { buildApp } from "../src/build-app.ts";

describe("secrets at rest", () => {
  let app: FastifyInstance;
  const config = testConfig();
  const prisma = createPrismaClient(config.DATABASE_URL);
  const auth = { authorization: `Bearer ${config.PIER_ADMIN_TOKEN}` };
  const name = `sec-${randomBytes(3).toString("hex")}`;

  beforeAll(async () => {
    app = await buildApp(config, { logger: false });
    expect(
      (
        await app.inject({
          method: "POST",
          url: "/api/apps",
          headers: auth,
          payload: { name, repoUrl: "https://github.com/pier-dev/hello.git" },
        })
      ).statusCode,
    ).toBe(201);
  });
  afterAll(async () => {
    await app.inject({ method: "DELETE", url: `/api/apps/${name}`, headers: auth });
    await app.close();
    await prisma.$disconnect();
  });

  it("stores env values and the webhook secret sealed (AES-256-GCM), and shows them opened", async () => {
    expect(
      (
        await app.inject({
          method: "PUT",
          url: `/api/apps/${name}/env`,
          headers: auth,
          payload: { vars: { DATABASE_URL: "postgres://user:hunter2@db/app" } },
        })
      ).statusCode,
    ).toBe(200);
    const rows = await prisma.envVar.findMany({ where: { app: { name } } });
    expect(rows).toHaveLength(2); // production and preview
    for (const row of rows) {
      expect(row.value).toMatch(/^enc:v1:[0-9a-f]{8}:/);
      expect(row.value).not.toContain("hunter2");
    }
    expect(rows[0]!.value).not.toBe(rows[1]!.value); // a fresh IV each time
    const revealed = (
      await app.inject({ method: "GET", url: `/api/apps/${name}/env?reveal=true`, headers: auth })
    ).json();
    expect(revealed.vars).toEqual([
      expect.objectContaining({ key: "DATABASE_URL", value: "postgres://user:hunter2@db/app" }),
    ]);

    const stored = await prisma.app.findUniqueOrThrow({ where: { name } });
    expect(stored.webhookSecret).toMatch(/^enc:v1:/);
    const shown = (await app.inject({ method: "GET", url: `/api/apps/${name}`, headers: auth })).json().webhookSecret;
    expect(shown).toMatch(/^[0-9a-f]{48}$/);
    expect(secretBox(config).open(stored.webhookSecret)).toBe(shown);
  });

  it("rotates: values sealed with the old key or stored in plain before encryption get the new key", async () => {
    const oldKey = randomBytes(32);
    const newKey = randomBytes(32);
    const oldBox = new SecretBox([oldKey]);
    const target = await prisma.app.findUniqueOrThrow({ where: { name } });
    await prisma.envVar.create({
      data: { appId: target.id, key: "OLD_KEY_VALUE", value: oldBox.seal("sealed-long-ago"), target: "production" },
    });
    await prisma.envVar.create({
      data: { appId: target.id, key: "PLAIN_VALUE", value: "stored-before-encryption", target: "production" },
    });
    // A deployment's frozen env, sealed with the old key too.
    const frozen = { id: `${target.id}-d1`, shortId: "d1", appId: target.id, trigger: "API" as const, branch: "main" };
    await prisma.deployment.create({
      data: { ...frozen, env: oldBox.seal(JSON.stringify({ DATABASE_URL: "frozen" })) },
    });
    const certificateName = `rot-${randomBytes(4).toString("hex")}.example.test`;
    await prisma.certificate.create({ data: { name: certificateName, keyPem: oldBox.seal("certificate key") } });
    const credential = { appId: target.id, kind: "TOKEN" as const, hint: "oken" };
    await prisma.appCredential.create({ data: { ...credential, secret: oldBox.seal("repository token") } });
    const rotating = new SecretBox([newKey, oldKey]);
    expect(rotating.open(oldBox.seal("x"))).toBe("x");
    // Rows of other apps in this shared database are sealed with the suite's key: rotate this app's only.
    const scoped = {
      envVar: {
        findMany: (args: object) =>
          prisma.envVar.findMany({
            ...args,
            where: { appId: target.id, key: { in: ["OLD_KEY_VALUE", "PLAIN_VALUE"] } },
          }),
        update: prisma.envVar.update.bind(prisma.envVar),
      },
      app: { findMany: async () => [], update: prisma.app.update.bind(prisma.app) },
      certificate: {
        findMany: (args: { select: object }) =>
          prisma.certificate.findMany({ select: args.select, where: { name: certificateName } }),
        update: prisma.certificate.update.bind(prisma.certificate),
      },
      acmeAccount: { findMany: async () => [], update: prisma.acmeAccount.update.bind(prisma.acmeAccount) },
      appCredential: {
        findMany: (args: { select: object }) =>
          prisma.appCredential.findMany({ select: args.select, where: { appId: target.id } }),
        update: prisma.appCredential.update.bind(prisma.appCredential),
      },
      githubAppSettings: {
        findMany: async () => [],
        update: prisma.githubAppSettings.update.bind(prisma.githubAppSettings),
      },
      deployment: {
        findMany: (args: { select: object }) =>
          prisma.deployment.findMany({ select: args.select, where: { appId: target.id } }),
        update: prisma.deployment.update.bind(prisma.deployment),
      },
    };
    expect(await rotateSecrets(scoped as never, rotating)).toEqual({
      envValues: 2,
      deploymentEnvs: 1,
      webhookSecrets: 0,
      certificateKeys: 1,
      acmeAccountKeys: 0,
      appCredentials: 1,
      githubAppKeys: 0,
    });
    const sealedCredential = await prisma.appCredential.findUniqueOrThrow({ where: { appId: target.id } });
    expect(new SecretBox([newKey]).open(sealedCredential.secret)).toBe("repository token");
    const afterRotation = new SecretBox([newKey]); // the old key dropped
    const certificate = await prisma.certificate.findUniqueOrThrow({ where: { name: certificateName } });
    expect(afterRotation.open(certificate.keyPem!)).toBe("certificate key");
    await prisma.certificate.delete({ where: { name: certificateName } });
    const rows = await prisma.envVar.findMany({
      where: { appId: target.id, key: { in: ["OLD_KEY_VALUE", "PLAIN_VALUE"] } },
      orderBy: { key: "asc" },
    });
    expect(rows.map((r) => afterRotation.open(r.value))).toEqual(["sealed-long-ago", "stored-before-encryption"]);
    const deployment = await prisma.deployment.findUniqueOrThrow({ where: { id: frozen.id } });
    expect(JSON.parse(afterRotation.open(deployment.env!))).toEqual({ DATABASE_URL: "frozen" });
    expect(() => new SecretBox([randomBytes(32)]).open(rows[0]!.value)).toThrow(/not among PIER_SECRETS_KEY/);
  });
});
