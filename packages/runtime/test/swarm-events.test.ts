import { describe, expect, it } from "vitest";
import { changes } from "../src/swarm/events.ts";
import type { ServiceTask } from "../src/swarm/tasks.ts";

const labels = { "pier.managed": "true" };

const task = (id: string, state: string, exitCode?: number): ServiceTask => ({
  ID: id,
  ServiceID: "svc",
  Status: {
    State: state,
    ...(["running", "complete", "failed", "shutdown"].includes(state)
      ? { ContainerStatus: { ContainerID: `c-${id}`, ExitCode: exitCode ?? 0 } }
      : {}),
  },
});

/** One reading: services by id, each with its tasks. */
const reading = (services: Record<string, ServiceTask[]>) =>
  new Map(
    Object.entries(services).map(([id, raw]) => [
      id,
      { labels, raw, tasks: new Map(raw.map((t) => [t.ID, t.Status?.State ?? "unknown"])) },
    ]),
  );

const actions = (before: Record<string, ServiceTask[]>, now: Record<string, ServiceTask[]>) =>
  changes(reading(before), reading(now)).map((e) => `${e.action} ${e.containerId} ${e.exitCode ?? "-"}`);

describe("events from two readings of the services' tasks", () => {
  it("says nothing when nothing changed", () => {
    expect(actions({ a: [task("1", "running")] }, { a: [task("1", "running")] })).toEqual([]);
  });

  it("hears a task start, and a new service's running task", () => {
    expect(actions({ a: [task("1", "preparing")] }, { a: [task("1", "running")], b: [task("2", "running")] })).toEqual([
      "start a -",
      "start b -",
    ]);
  });

  it("hears a running task end, with its exit code, once", () => {
    const ended = { a: [task("1", "failed", 1)] };
    expect(actions({ a: [task("1", "running")] }, ended)).toEqual(["die a 1"]);
    expect(actions(ended, ended)).toEqual([]);
  });

  it("hears a task that started and ended between two readings, and its restart", () => {
    expect(actions({ a: [task("1", "starting")] }, { a: [task("2", "running"), task("1", "failed", 2)] })).toEqual([
      "start a -",
      "die a 2",
      "start a -",
    ]);
  });

  it("does not count a task that never ran as a death", () => {
    expect(actions({ a: [task("1", "pending")] }, { a: [task("1", "rejected")] })).toEqual([]);
  });

  it("hears a lost node's task, still reading running, replaced by a new one: a die (no code), then its start", () => {
    const lost = { ...task("1", "running"), DesiredState: "shutdown" };
    const earlier = { a: [task("1", "running")] };
    expect(actions(earlier, { a: [task("2", "pending"), lost] })).toEqual(["die a -"]);
    expect(actions(earlier, { a: [task("2", "running"), lost] })).toEqual(["start a -", "die a -"]);
    expect(actions({ a: [task("2", "pending"), lost] }, { a: [task("2", "running"), lost] })).toEqual(["start a -"]);
  });

  it("hears a running task deleted (scaled to 0) as a die, and a removed service as a destroy", () => {
    expect(actions({ a: [task("1", "running")] }, { a: [] })).toEqual(["die a -"]);
    expect(actions({ a: [task("1", "running")], b: [task("2", "complete")] }, {})).toEqual([
      "die a -",
      "destroy a -",
      "destroy b -",
    ]);
  });
});
