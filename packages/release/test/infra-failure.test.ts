import { describe, expect, it } from "vitest";
import { ImageMissingError, NoSpaceError, RuntimeRequestError, RuntimeUnavailableError } from "@pier/runtime";
import { INFRA_RETRY_MS, infraFailureOf } from "../src/infra-failure.ts";
import { backoffMs } from "../src/reconcile.ts";

// The runtime's errors as it throws them (packages/runtime/test/engine-errors.test.ts checks the translation).
const IMAGE = "pier/web:3f2a9c1b2d4e";

describe("a failed start: the engine's or the machine's doing, or the app's", () => {
  it("a full disk is NO_SPACE, though the engine answers it with a 500", () => {
    const error = new NoSpaceError("Docker refused to start container x: mkdir /var/lib/docker/a: no space left", 500);
    expect(infraFailureOf(error, IMAGE)).toEqual({ phase: "NO_SPACE", reason: `disk full: ${error.message}` });
  });

  it("an image gone is IMAGE_MISSING, the reason naming the deployment's image and the engine's words", () => {
    const error = new ImageMissingError(
      "Docker refused to create container x: No such image: sha256:4be1",
      "sha256:4be1",
    );
    expect(infraFailureOf(error, IMAGE)).toEqual({
      phase: "IMAGE_MISSING",
      reason: `image ${IMAGE} is gone: Docker refused to create container x: No such image: sha256:4be1`,
    });
  });

  it("an engine unreachable, stopping or failing on its own (a 5xx) is ENGINE_UNAVAILABLE", () => {
    const unreachable = new RuntimeUnavailableError("Docker engine unreachable while trying to create x: ENOENT");
    expect(infraFailureOf(unreachable, IMAGE)).toEqual({
      phase: "ENGINE_UNAVAILABLE",
      reason: "engine unavailable: Docker engine unreachable while trying to create x: ENOENT",
    });
    const failing = new RuntimeRequestError("Docker refused to start container x: starting container failed", 500);
    expect(infraFailureOf(failing, IMAGE)?.phase).toBe("ENGINE_UNAVAILABLE");
  });

  it("anything else is the app's (counted, backed off): null", () => {
    expect(infraFailureOf(new RuntimeRequestError("Docker refused to create x: name in use", 409), IMAGE)).toBeNull();
    expect(infraFailureOf(new Error("container x has no published port"), IMAGE)).toBeNull();
  });

  it("is tried again on a short fixed delay, where the app's back-off grows", () => {
    for (const delay of Object.values(INFRA_RETRY_MS)) expect(delay).toBeLessThanOrEqual(5_000);
    expect(INFRA_RETRY_MS.ENGINE_UNAVAILABLE).toBe(1_000);
    expect([3, 6, 9].map(backoffMs)).toEqual([2_000, 16_000, 128_000]);
  });
});
