import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { noLeftovers } from "../support/faults.ts";
import { getViaRouter } from "../support/http.ts";
import {
  restartPostgresDuringBuild,
  startPostgresRestartStage,
  type PostgresRestartOutcome,
  type PostgresRestartStage,
} from "../support/postgres-restart.ts";

// Postgres holds every deployment's status, the routes' source and the build logs. This file runs its
// own cluster (the suite's is shared by files running in parallel) and restarts it while a build runs
// (tests/support/postgres-restart.ts; bench/chaos.ts runs the same scenarios).
describe("a Postgres restart during a build", () => {
  let stage: PostgresRestartStage;

  const logOf = async (id: string) =>
    (await stage.platform.prisma.buildLog.findMany({ where: { deploymentId: id }, orderBy: { id: "asc" } })).map(
      (l) => l.line,
    );
  const report = (o: PostgresRestartOutcome) =>
    console.log(
      `${o.fault}: down ${o.downMs} ms; ${o.status} ${o.msToTerminal} ms after the deploy request; ` +
        `${o.requests} requests to production, ${o.failed} failed ${JSON.stringify(o.failures)}`,
    );

  beforeAll(async () => {
    stage = await startPostgresRestartStage("pgr-");
    expect(stage.first.status, stage.first.failureReason ?? "").toBe("READY");
  });
  afterAll(async () => {
    await stage?.close();
  });

  it("back before the build ends: that attempt ends READY, whole log kept; production serves throughout", async () => {
    const text = `${stage.name} v2`;
    const outcome = await restartPostgresDuringBuild(stage, text, "back before the build ends");
    report(outcome);
    // Otherwise the build beat the restart, and this test would not test what it says.
    expect(outcome.imageBuiltBeforeBack, "the image was built before Postgres was back").toBe(false);
    expect(outcome.status, outcome.reason ?? "").toBe("READY");
    expect(outcome.failures).toEqual({});
    const log = await logOf(outcome.deploymentId);
    // The build's output while Postgres restarted was held, and written once it was back.
    for (let step = 1; step <= 8; step++) expect(log.filter((l) => l.startsWith(`Step ${step}/8 :`))).toHaveLength(1);
    for (let tick = 1; tick <= 20; tick++) expect(log).toContain(`tick ${tick}`);
    expect(log).toContain(`built ${text}`);
    expect(log).toContain(`Successfully tagged pier/${stage.name}:${outcome.sha.slice(0, 12)}`);
    expect(log.filter((l) => l.startsWith("Taking this deployment up again"))).toEqual([]);
    expect((await getViaRouter(stage.platform.routerPort, `${stage.name}.localhost`)).body).toBe(text);
    await noLeftovers(stage.platform, stage.redis, stage.name);
  });

  it("down until the image is built: the retried attempt ends READY; API 503 meanwhile; nothing left", async () => {
    const text = `${stage.name} v3`;
    const outcome = await restartPostgresDuringBuild(stage, text, "down until the image is built");
    report(outcome);
    expect(outcome.whileDown?.statusCode).toBe(503);
    expect(outcome.whileDown?.error).toBe("database_unavailable");
    expect(outcome.status, outcome.reason ?? "").toBe("READY");
    expect(outcome.failures).toEqual({});
    expect(
      (await stage.platform.api.inject({ method: "GET", url: `/api/apps/${stage.name}`, headers: stage.platform.auth }))
        .statusCode,
    ).toBe(200);
    expect((await getViaRouter(stage.platform.routerPort, `${stage.name}.localhost`)).body).toBe(text);
    await noLeftovers(stage.platform, stage.redis, stage.name);
  });
});
