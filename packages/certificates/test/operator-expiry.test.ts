import { createPrismaClient } from "@pier/db";
import { loadConfig } from "@pier/shared";
import { Redis } from "ioredis";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { pino } from "pino";
import { afterAll, describe, expect, it } from "vitest";
import { selfSignedCertificate } from "../../../tests/support/certificates.ts";
import { announceExpiringOperatorCertificates } from "../src/operator-expiry.ts";

// Pier renews no operator certificate: one about to expire is announced, once, naming the file to replace.
describe("operator certificates about to expire", () => {
  const prisma = createPrismaClient(loadConfig().DATABASE_URL);
  const redis = new Redis(loadConfig().REDIS_URL);
  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
    redis.disconnect();
    await prisma.$disconnect();
  });

  it("announces one within 14 days of expiry once, not one with longer to go, only for every app", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "pier-operator-expiry-"));
    dirs.push(dir);
    const zone = `opx-${randomBytes(3).toString("hex")}.example.test`;
    const soon = await selfSignedCertificate([`*.${zone}`], 5);
    const later = await selfSignedCertificate([`later.${zone}`], 60);
    await writeFile(path.join(dir, "soon.pem"), soon.pem);
    await writeFile(path.join(dir, "later.pem"), later.pem);
    const warnings: string[] = [];
    const logger = Object.assign(pino({ level: "silent" }), {
      warn: (_fields: object, message: string) => void warnings.push(message),
    });
    const config = loadConfig({ ...process.env, PIER_TLS_CERT_DIR: dir, PIER_CONTROLLER_APP_PREFIX: "" });
    const deps = { config, prisma, redis, logger };
    const now = new Date();

    expect(await announceExpiringOperatorCertificates(deps, now)).toEqual(["operator-soon.pem"]);
    expect(warnings).toEqual([
      expect.stringMatching(/^The operator's certificate soon\.pem \(\*\.opx-.*\) expires in 5 day/),
    ]);
    expect(warnings[0]).toContain("replace the file in PIER_TLS_CERT_DIR");
    expect(await announceExpiringOperatorCertificates(deps, now)).toEqual([]);
    const prefixed = { ...deps, config: { ...config, PIER_CONTROLLER_APP_PREFIX: "some-" } };
    expect(await announceExpiringOperatorCertificates(prefixed, now)).toEqual([]);
  });
});
