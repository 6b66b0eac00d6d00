import { afterAll, describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import type { ReconcileOutcome } from "@pier/release";
import { replicaEvents } from "../src/replica-events.ts";

const outcome = (o: Partial<ReconcileOutcome>): ReconcileOutcome => ({
  desired: 1,
  serving: 1,
  started: [],
  stopped: [],
  waiting: [],
  crashLooping: [],
  replaced: [],
  restartedByRuntime: [],
  enteredCrashLoop: [],
  blockedByInfra: [],
  notRemoved: [],
  ...o,
});

// Real Redis: down and crash-loop episodes are remembered there, so each is told once.
describe("what a reconcile pass tells people", () => {
  const redis = new Redis(process.env.REDIS_URL ?? "redis://127.0.0.1:6379");
  const app = { id: `app${randomBytes(4).toString("hex")}`, name: "web" };
  const otherApp = { id: `app${randomBytes(4).toString("hex")}`, name: "api" };
  afterAll(() => redis.disconnect());

  it("a replaced replica, a crash loop, the app down once, and its recovery once", async () => {
    expect(
      (await replicaEvents(redis, app, outcome({ replaced: [{ index: 1, reason: "exited with code 137" }] }))).map(
        (e) => [e.event, e.summary],
      ),
    ).toEqual([["container.replaced", "web: replica 1 was lost (exited with code 137) and replaced"]]);
    const looping = await replicaEvents(
      redis,
      app,
      outcome({ serving: 0, enteredCrashLoop: [{ index: 1, reason: "exited with code 3" }] }),
    );
    expect(looping.map((e) => e.event)).toEqual(["app.crash_loop", "app.down"]);
    expect(await replicaEvents(redis, app, outcome({ serving: 0 }))).toEqual([]);
    const back = await replicaEvents(redis, app, outcome({ serving: 1 }));
    expect(back.map((e) => [e.event, e.summary])).toEqual([["app.recovered", "web: serving again (1 of 1 replicas)"]]);
    expect(await replicaEvents(redis, app, outcome({ serving: 1 }))).toEqual([]);
    expect(await replicaEvents(redis, app, outcome({ desired: 0, serving: 0 }))).toEqual([]);
  });

  it("a replica the runtime restarted (Swarm): told as replaced, by whom", async () => {
    const reason = "restarted by Swarm: its node was lost";
    const told = await replicaEvents(redis, app, outcome({ restartedByRuntime: [{ index: 2, reason }] }));
    expect(told.map((e) => [e.event, e.summary, e.details])).toEqual([
      [
        "container.replaced",
        "web: replica 2 was lost and started again (restarted by Swarm: its node was lost)",
        { replica: 2, reason, by: "runtime" },
      ],
    ]);
  });

  it("a replica the engine holds back (its image gone) is no crash loop: the app down says why", async () => {
    const reason =
      "image pier/api:3f2a9c1b2d4e is gone: Docker refused to create container x: No such image: sha256:ab";
    const blocked = outcome({ serving: 0, blockedByInfra: [{ index: 1, phase: "IMAGE_MISSING", reason }] });
    const down = await replicaEvents(redis, otherApp, blocked);
    expect(down.map((e) => [e.event, e.summary])).toEqual([
      ["app.down", `api: no replica is serving (0 of 1): image missing, not the app (${reason})`],
    ]);
    // Still held back on the next passes: nothing more is told, and never a crash loop.
    expect(await replicaEvents(redis, otherApp, blocked)).toEqual([]);
    const back = await replicaEvents(redis, otherApp, outcome({ serving: 1 }));
    expect(back.map((e) => e.event)).toEqual(["app.recovered"]);
  });
});
