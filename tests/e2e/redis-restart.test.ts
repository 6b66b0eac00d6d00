import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getViaRouter } from "../support/http.ts";
import {
  restartRedisWithDeployQueued,
  startRedisRestartStage,
  type RedisRestartStage,
} from "../support/redis-restart.ts";

// Redis holds the build queue. This file runs its own Redis (the suite's is shared by files running in
// parallel), with the append-only file the dev set-up uses, and restarts it with a deployment queued
// (tests/support/redis-restart.ts; bench/chaos.ts runs the same scenario).
describe("a Redis restart with deployments queued", () => {
  let stage: RedisRestartStage;

  beforeAll(async () => {
    stage = await startRedisRestartStage("rds-");
  });
  afterAll(async () => {
    await stage?.close();
  });

  it("the queued deployment survives the restart and ends READY; the API answers while Redis is down", async () => {
    // The deploy request itself must answer 202 (the scenario fails saying what it answered otherwise).
    const outcome = await restartRedisWithDeployQueued(stage, "before the restart");
    console.log(
      `redis restart: ${outcome.status} ${outcome.msToTerminal} ms after the deploy request; ` +
        `${outcome.requests} requests to production, ${outcome.failed} failed ${JSON.stringify(outcome.failures)}`,
    );
    // Redis is down: reads still answer (the rate limit fails open); a deploy can't be queued and says so.
    expect(outcome.whileDown.read).toBe(200);
    expect(outcome.whileDown.deploy).toBe(503);
    expect(outcome.status, outcome.reason ?? "").toBe("READY");
    expect((await getViaRouter(stage.platform.routerPort, `${stage.name}.localhost`)).body).toBe(
      "before the restart\n",
    );
  });
});
