import { describe, expect, it } from "vitest";
import { PushHistory } from "../src/push-history.ts";

const link = (commitSha: string, parentSha: string | null) => ({ commitSha, parentSha });

describe("PushHistory", () => {
  it("proves ancestry through a chain of recorded pushes, whatever order they were recorded in", () => {
    const history = new PushHistory([link("c4", "c3"), link("c2", "c1"), link("c3", "c2")]);
    expect(history.descends("c4", "c1")).toBe(true);
    expect(history.descends("c3", "c2")).toBe(true);
    expect(history.descends("c1", "c4")).toBe(false);
    expect(history.descends("c2", "c2")).toBe(false);
  });

  it("a missing link proves nothing (a forced push records none), and a cycle never loops", () => {
    const history = new PushHistory([link("b", null), link("c", "b"), link("x", "y"), link("y", "x")]);
    expect(history.descends("c", "a")).toBe(false);
    expect(history.descends("b", "a")).toBe(false);
    expect(history.descends("x", "z")).toBe(false);
  });
});
