import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { translate } from "../src/docker/engine.ts";
import {
  createRuntime,
  ImageMissingError,
  NoSpaceError,
  RuntimeRequestError,
  RuntimeUnavailableError,
  type RunSpec,
} from "../src/index.ts";

// What dockerode rejects with: the engine's answer (statusCode and its JSON body), or a socket error (code).
const answered = (statusCode: number, message: string) =>
  Object.assign(new Error(`(HTTP code ${statusCode}) unexpected - ${message}`), { statusCode, json: { message } });
const socketError = (code: string) => Object.assign(new Error(`connect ${code} /var/run/docker.sock`), { code });

describe("the engine's errors, told apart", () => {
  it("an image that does not exist: ImageMissingError, naming it", () => {
    const error = translate(answered(404, "No such image: pier/web:3f2a9c1b2d4e"), "create container pier-web");
    expect(error).toBeInstanceOf(ImageMissingError);
    expect(error).toBeInstanceOf(RuntimeRequestError);
    expect(error).toMatchObject({
      image: "pier/web:3f2a9c1b2d4e",
      statusCode: 404,
      message: "Docker refused to create container pier-web: No such image: pier/web:3f2a9c1b2d4e",
    });
    // Another thing not found is not an image gone.
    expect(translate(answered(404, "No such container: abc"), "inspect container abc")).not.toBeInstanceOf(
      ImageMissingError,
    );
  });

  it("a full disk: NoSpaceError, whatever the status and the layer that ran out", () => {
    const layer = "mkdir /var/lib/docker/overlay2/1f2e/merged: no space left on device";
    expect(translate(answered(500, layer), "start container x")).toBeInstanceOf(NoSpaceError);
    const shim = "failed to create shim task: write /run/containerd/x/config.json: No Space Left On Device";
    expect(translate(answered(500, shim), "start container x")).toMatchObject({
      name: "NoSpaceError",
      statusCode: 500,
      message: `Docker refused to start container x: ${shim}`,
    });
    expect(translate(socketError("ENOSPC"), "create container x")).toBeInstanceOf(NoSpaceError);
  });

  it("an engine that can't be reached (socket missing, refused, reset): RuntimeUnavailableError", () => {
    for (const code of ["ENOENT", "ECONNREFUSED", "ECONNRESET", "EPIPE"]) {
      const error = translate(socketError(code), "list containers");
      expect(error).toBeInstanceOf(RuntimeUnavailableError);
      expect(error.message).toBe(`Docker engine unreachable while trying to list containers: ${code}`);
    }
  });

  it("any other refusal stays a RuntimeRequestError with the engine's status", () => {
    const conflict = translate(answered(409, 'Conflict. The container name "/x" is already in use'), "create x");
    expect(conflict).toBeInstanceOf(RuntimeRequestError);
    expect(conflict).not.toBeInstanceOf(NoSpaceError);
    expect(conflict).not.toBeInstanceOf(ImageMissingError);
    expect(conflict).toMatchObject({ statusCode: 409 });
    expect(translate(answered(500, "driver failed programming external connectivity"), "start x")).toMatchObject({
      name: "RuntimeRequestError",
      statusCode: 500,
    });
  });
});

describe("a real engine, and one that is not there", () => {
  const spec = (image: string): RunSpec => ({
    name: `pier-errtest-${randomBytes(3).toString("hex")}`,
    image,
    env: {},
    labels: { "pier.test": "engine-errors" },
    containerPort: 3000,
    memoryBytes: 64 * 1024 * 1024,
    nanoCpus: 500_000_000,
    pidsLimit: 64,
  });

  it("starting a container of an image that does not exist: ImageMissingError naming the image", async () => {
    const image = `pier-test/gone-${randomBytes(4).toString("hex")}:1`;
    const error = await createRuntime("docker")
      .runContainer(spec(image))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImageMissingError);
    expect(error).toMatchObject({ image, statusCode: 404 });
    expect((error as Error).message).toContain(`No such image: ${image}`);
  });

  it("an engine whose socket does not exist: RuntimeUnavailableError, for a start and for a listing", async () => {
    const runtime = createRuntime("docker", {
      socketPath: `/tmp/pier-no-engine-${randomBytes(4).toString("hex")}.sock`,
    });
    await expect(runtime.runContainer(spec("pier-local/debian:bookworm-slim"))).rejects.toBeInstanceOf(
      RuntimeUnavailableError,
    );
    await expect(runtime.listContainers({ "pier.managed": "true" })).rejects.toThrow(
      "Docker engine unreachable while trying to list containers: ENOENT",
    );
  });
});
