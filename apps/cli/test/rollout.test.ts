import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import { startCliApi, type CliApi } from "./cli-api.ts";

/**
 * pier rollout against the real API and database. No worker or controller runs here: the test makes a production
 * and a staged candidate as a deploy would (rows; no container, so an abort has nothing to stop), and nothing
 * steps the rollout by itself (tests/e2e/rollouts.test.ts does that on a real platform).
 */
describe("pier rollout: start, status, pause, resume, abort; bad input", () => {
  const name = `cli-rollout-${randomBytes(4).toString("hex")}`;
  let cli: CliApi;
  let candidate = { id: "", shortId: "" };

  beforeAll(async () => {
    cli = await startCliApi(name, "pier-cli-rollout-");
    const { prisma } = cli.api.pier;
    const app = await prisma.app.findUniqueOrThrow({ where: { name } });
    const made = async (label: string) =>
      prisma.deployment.create({
        data: {
          id: `${label}${randomBytes(6).toString("hex")}`,
          shortId: randomBytes(4).toString("hex"),
          appId: app.id,
          trigger: "API",
          branch: "main",
          status: "READY",
          containerId: `container-${label}`,
          // The staged one runs (a published port), beside production.
          hostPort: label === "staged" ? 45_001 : null,
          promote: label === "live",
        },
      });
    const live = await made("live");
    await prisma.app.update({ where: { id: app.id }, data: { productionDeploymentId: live.id } });
    const staged = await made("staged");
    candidate = { id: staged.id, shortId: staged.shortId };
  });
  afterAll(() => cli?.close());

  it("pier deployments marks production with * and the staged deployment running beside it", async () => {
    const listed = await cli.pier(["deployments", name]);
    expect(listed.code, listed.stderr).toBe(0);
    const rowOf = (shortId: string) => listed.stdout.split("\n").find((line) => line.includes(shortId)) ?? "";
    expect(rowOf(candidate.shortId)).toMatch(/^staged\s/);
    expect(listed.stdout.split("\n").filter((line) => line.startsWith("*"))).toHaveLength(1);
  });

  it("says when there is none, and refuses bad steps naming the field", async () => {
    const none = await cli.pier(["rollout", name]);
    expect(none.code).toBe(0);
    expect(none.stdout).toContain(`No rollout of ${name} is running`);
    const pause = await cli.pier(["rollout", "pause", name]);
    expect(pause.code).toBe(5);
    expect(pause.stderr).toContain(`${name} has no running or paused rollout`);

    const [typo, notAtHundred, interval] = await Promise.all([
      cli.pier(["rollout", "start", name, candidate.shortId, "--steps", "5,x"]),
      cli.pier(["rollout", "start", name, candidate.shortId, "--steps", "5,25"]),
      cli.pier(["rollout", "start", name, candidate.shortId, "--steps", "50,100", "--interval", "0"]),
    ]);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain("--steps must be percentages separated by commas");
    expect(notAtHundred.code).toBe(6);
    expect(notAtHundred.stderr).toContain("steps: must end at 100");
    expect(interval.code).toBe(6);
    expect(interval.stderr).toContain("intervalSeconds: must be at least 1");
  });

  it("starts one, shows its split and gate, pauses, resumes and aborts it", async () => {
    const args = ["--steps", "10,50,100", "--interval", "60", "--max-error-rate", "0.01", "--max-p95", "500"];
    const started = await cli.pier(["rollout", "start", name, candidate.shortId, ...args]);
    expect(started.code, started.stderr).toBe(0);
    expect(started.stdout).toContain(`${candidate.shortId} (candidate) 10 %`);
    expect(started.stdout).toContain("gate: limits 1.0 % 5xx, p95 500 ms");

    const status = await cli.pier(["rollout", name, "--json"]);
    const current = JSON.parse(status.stdout).current;
    expect(current).toMatchObject({ state: "RUNNING", weight: 10, steps: [10, 50, 100], candidate });
    expect(current.gate).toEqual({ maxErrorRate: 0.01, maxP95Ms: 500 });

    const again = await cli.pier(["rollout", "start", name, candidate.shortId, "--steps", "100"]);
    expect(again.code).toBe(6);
    expect(again.stderr).toContain("already has a running rollout");

    expect((await cli.pier(["rollout", "pause", name])).stdout).toContain("paused");
    const resumeTwice = await cli.pier(["rollout", "pause", name]);
    expect(resumeTwice.code).toBe(6);
    expect(resumeTwice.stderr).toContain("only a running rollout can be paused");
    expect((await cli.pier(["rollout", "resume", name])).stdout).toContain("resumed");

    const aborted = await cli.pier(["rollout", "abort", name, "--json"]);
    expect(aborted.code, aborted.stderr).toBe(0);
    expect(JSON.parse(aborted.stdout)).toMatchObject({
      state: "ABORTED",
      weight: 0,
      reason: "aborted at 10 % by hand (api)",
    });
    const after = await cli.pier(["rollout", name]);
    expect(after.stdout).toContain(`No rollout of ${name} is running`);
    expect(after.stdout).toMatch(/ABORTED\s+\S+\s+10,50,100/);
  });
});
