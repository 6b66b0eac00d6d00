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
  enteredCrashLoop: [],
  notRemoved: [],
  ...o,
});

// Real Redis: down and crash-loop episodes are remembered there, so each is told once.
describe("what a reconcile pass tells people", () => {
  const redis = new Redis(process.env.REDIS_URL ?? "redis://127.0.0.1:6379");
  const app = { id: `app${randomBytes(4).toString("hex")}`, name: "web" };
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
});
