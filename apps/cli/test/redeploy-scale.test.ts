import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import { execFile } from "node:child_process";
import { rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { startCliApi, type CliApi } from "./cli-api.ts";

const docker = (...args: string[]) => promisify(execFile)("docker", args);

describe("pier redeploy and pier scale --memory/--cpu against the real API", () => {
  const name = `cli-redeploy-${randomBytes(4).toString("hex")}`;
  /** An image the engine has, standing in for a built app's image (no build runs here). */
  const PRESENT_IMAGE = `pier-cli-test/${name}:live`;
  let cli: CliApi;

  beforeAll(async () => {
    cli = await startCliApi(name, "pier-cli-redeploy-");
    // An empty image of its own (an empty tar archive imported): nothing another test removes.
    const emptyTar = join(tmpdir(), `${name}.tar`);
    await writeFile(emptyTar, Buffer.alloc(1024));
    await docker("import", emptyTar, PRESENT_IMAGE);
    await rm(emptyTar);
  });
  afterAll(async () => {
    await docker("rmi", PRESENT_IMAGE).catch(() => undefined);
    await cli?.close();
  });

  it("redeploy of an app with nothing live exits 6 saying to deploy first", async () => {
    const res = await cli.pier(["redeploy", name]);
    expect(res.code).toBe(6);
    expect(res.stderr).toContain("has no production deployment to redeploy yet: deploy it first");
    expect(res.stderr).toContain("(409 conflict)");
  });

  it("scale --memory/--cpu before any deploy stores them, redeploys nothing; bad values exit 2 or 6", async () => {
    const [stored, badWord, overMax, zero] = await Promise.all([
      cli.pier(["scale", name, "--memory", "256m", "--cpu", "0.5", "--json"]),
      cli.pier(["scale", name, "--cpu", "x"]),
      cli.pier(["scale", name, "--memory", `${cli.config.PIER_MAX_MEMORY_MB + 1}`]),
      cli.pier(["scale", name, "--memory", "0"]),
    ]);
    expect(stored.code).toBe(0);
    expect(JSON.parse(stored.stdout)).toMatchObject({ resources: { memoryMb: 256, cpus: 0.5 }, redeploy: null });
    const app = await cli.api.pier.prisma.app.findUniqueOrThrow({ where: { name } });
    expect([app.memoryMb, app.cpus]).toEqual([256, 0.5]);
    expect(badWord.code).toBe(2);
    expect(badWord.stderr).toContain('--cpu must be a number of CPUs such as 0.5 or 2, or default, not "x"');
    expect(overMax.code).toBe(6);
    expect(overMax.stderr).toContain("memoryMb");
    expect(zero.code).toBe(6);
    expect(zero.stderr).toMatch(/memoryMb: must be a whole number of MB from 16/);
  });

  it("redeploy queues production's image again (redeployOf, no build); --json is the API's", async () => {
    // No worker runs here: the test makes a deployment live as a deploy would.
    const { prisma } = cli.api.pier;
    const app = await prisma.app.findUniqueOrThrow({ where: { name } });
    const id = `live${randomBytes(6).toString("hex")}`;
    const queued = await prisma.deployment.create({
      data: {
        id,
        shortId: id.slice(0, 7),
        appId: app.id,
        trigger: "API",
        branch: "main",
        status: "READY",
        imageId: PRESENT_IMAGE,
        imageTag: PRESENT_IMAGE,
        port: 3000,
        commitSha: "a".repeat(40),
      },
    });
    await prisma.app.update({ where: { id: app.id }, data: { productionDeploymentId: queued.id } });

    const res = await cli.pier(["redeploy", name]);
    expect(res.stderr).toBe("");
    expect(res.code).toBe(0);
    expect(res.stdout).toContain(`Redeploying production ${queued.shortId} (image ${PRESENT_IMAGE}, no build)`);
    const again = await cli.pier(["redeploy", name, "--json"]);
    expect(again.code).toBe(0);
    const answered = JSON.parse(again.stdout);
    // The first is still queued (no worker): the second is answered with it.
    expect(answered).toMatchObject({ redeployOf: queued.id, status: "QUEUED", trigger: "API", branch: "main" });
    expect(answered.message).toContain("was already queued");
    const row = await prisma.deployment.findUniqueOrThrow({ where: { id: answered.id } });
    expect(row).toMatchObject({ redeployOfId: queued.id, commitSha: "a".repeat(40), imageId: null });

    await prisma.deployment.update({ where: { id: queued.id }, data: { imagePrunedAt: new Date() } });
    const pruned = await cli.pier(["redeploy", name]);
    expect(pruned.code).toBe(6);
    expect(pruned.stderr).toContain("was pruned, so it can't start again without a build: deploy again instead");
  });
});
