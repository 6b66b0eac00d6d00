import { createPrismaClient } from "@pier/db";
import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { testConfig } from "../../../tests/support/platform.ts";
import { BuildLog } from "../src/logs/build-log.ts";

// On the real database.
describe("a deployment's build log", () => {
  const prisma = createPrismaClient(testConfig().DATABASE_URL);
  const id = `bl-${randomBytes(4).toString("hex")}`;
  afterAll(async () => {
    await prisma.app.deleteMany({ where: { id } });
    await prisma.$disconnect();
  });

  it("keeps a line with a NUL byte (a build may print one; PostgreSQL text can't hold it)", async () => {
    await prisma.app.create({ data: { id, name: id, repoUrl: "file:///nowhere", webhookSecret: "x" } });
    await prisma.deployment.create({ data: { id, shortId: id, appId: id, trigger: "API", branch: "main" } });
    const log = new BuildLog(prisma, id);
    log.write("binary \u0000 output");
    log.write("the next line");
    await log.close();
    const lines = await prisma.buildLog.findMany({ where: { deploymentId: id }, orderBy: { id: "asc" } });
    expect(lines.map((l) => l.line)).toEqual(["binary \uFFFD output", "the next line"]);
  });

  it("closes quietly when its deployment was deleted meanwhile (with its app, while it built)", async () => {
    const log = new BuildLog(prisma, `${id}-deleted`);
    log.write("Step 1/3 : FROM node");
    await expect(log.close()).resolves.toBeUndefined();
    expect(await prisma.buildLog.count({ where: { deploymentId: `${id}-deleted` } })).toBe(0);
  });
});
