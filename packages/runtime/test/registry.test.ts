import { execFileSync, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDockerClient } from "../src/docker/engine.ts";
import { imageExists, pullImage, removeImage } from "../src/docker/images.ts";
import { pushImage } from "../src/docker/push.ts";
import { RuntimeRequestError, RuntimeUnavailableError } from "../src/index.ts";
import { RegistryClient } from "../src/registry/registry-client.ts";
import {
  bcryptHtpasswdLine,
  buildLabelledImage,
  freePort,
  startRegistry,
  type TestRegistry,
} from "./support/registry.ts";

// A real docker-registry (Debian's, started by Pier's set-up script) and the host's engine pushing to it, as the
// swarm runtime does with each built image; retention's side: listing and deleting tags over the HTTP API.
// Built by scripts/setup/base-images.sh (no public registry is reachable here).
const BASE = process.env.PIER_TEST_BASE_IMAGE ?? "pier-local/debian:bookworm-slim";
const id = randomBytes(3).toString("hex");
const repository = `pier/regtest-${id}`;
const docker = createDockerClient();
const SCRIPT = path.resolve(import.meta.dirname, "../../../scripts/setup/registry.sh");
/** Every local tag a test made, removed at the end. */
const localTags = new Set<string>();

const buildImage = (tag: string) => buildLabelledImage(BASE, tag, localTags);

async function push(client: RegistryClient, localRef: string, tag: string) {
  const remote = client.imageRef(tag);
  localTags.add(remote);
  const lines: string[] = [];
  const started = performance.now();
  const { digest } = await pushImage(docker, localRef, remote, client.authConfig(), (line) => lines.push(line));
  return { remote, digest, lines, ms: Math.round(performance.now() - started) };
}

afterAll(async () => {
  for (const tag of localTags) await removeImage(docker, tag);
});

describe("the registry images are pushed to (docker-registry, no auth)", () => {
  let registry: TestRegistry;
  let client: RegistryClient;
  let one: string;
  let two: string;

  beforeAll(async () => {
    registry = await startRegistry();
    client = new RegistryClient({ address: registry.address, insecure: true });
    one = buildImage(`${repository}:one`);
    two = buildImage(`${repository}:two`);
  });
  afterAll(() => registry?.stop());

  it("is started once by the set-up script: a second run finds it running and changes nothing", () => {
    const pid = execFileSync("cat", [path.join(registry.dataDir, "registry.pid")], { encoding: "utf8" });
    execFileSync("bash", [SCRIPT, registry.address, registry.dataDir], { stdio: "inherit" });
    expect(execFileSync("cat", [path.join(registry.dataDir, "registry.pid")], { encoding: "utf8" })).toBe(pid);
  });

  it("receives a push the engine reports step by step, and lists the tag under Pier's repository", async () => {
    await client.ping();
    const pushed = await push(client, one, one);
    console.log(`push of ${one} (${BASE}'s layers + a label) to ${registry.address}: ${pushed.ms} ms`);
    expect(pushed.remote).toBe(`${registry.address}/${repository}:one`);
    expect(pushed.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(pushed.lines.some((line) => /Pushed|Layer already exists/.test(line))).toBe(true);
    // The engine keeps the image under Pier's tag only: the remote tag was dropped after the push.
    expect([await imageExists(docker, one), await imageExists(docker, pushed.remote)]).toEqual([true, false]);
    expect(await client.listTags(repository)).toEqual(["one"]);
    expect(await client.manifestDigest(one)).toBe(pushed.digest);
    expect(await client.listTags(`pier/regtest-${id}-none`)).toEqual([]);
  });

  it("deletes a tag: the registry no longer lists it, a pull of it fails, the other tag stays", async () => {
    const pushed = await push(client, two, two);
    expect((await client.listTags(repository)).sort()).toEqual(["one", "two"]);
    const started = performance.now();
    expect(await client.deleteTag(two)).toBe(true);
    console.log(`deleteTag(${two}): ${Math.round(performance.now() - started)} ms`);
    expect(await client.listTags(repository)).toEqual(["one"]);
    expect(await client.manifestDigest(two)).toBeNull();
    await expect(pullImage(docker, pushed.remote)).rejects.toThrow(/manifest unknown|not found/i);
    // Gone already, never there, a repository that doesn't exist, a local image id: nothing to delete.
    expect(await client.deleteTag(two)).toBe(false);
    expect(await client.deleteTag(`${repository}:never`)).toBe(false);
    expect(await client.deleteTag(`pier/regtest-${id}-none:one`)).toBe(false);
    expect(await client.deleteTag(`sha256:${"0".repeat(64)}`)).toBe(false);
    expect(await client.listTags(repository)).toEqual(["one"]);
  });

  it("deletes only the tag asked for when another tag names the same image", async () => {
    const copy = `${repository}:one-copy`;
    const pushed = await push(client, one, copy);
    expect(await client.manifestDigest(copy)).toBe(await client.manifestDigest(one));
    expect(await client.deleteTag(copy)).toBe(true);
    expect(await client.listTags(repository)).toEqual(["one"]);
    expect(await client.manifestDigest(one)).toBe(pushed.digest);
    // The image itself is still there: the engine pulls it by the remaining tag.
    const remaining = client.imageRef(one);
    localTags.add(remaining);
    await pullImage(docker, remaining);
    expect(await imageExists(docker, remaining)).toBe(true);
  });

  it("a push to a registry that doesn't answer fails, as unreachable, naming it", async () => {
    const nowhere = `127.0.0.1:${await freePort()}`;
    const remote = `${nowhere}/${repository}:one`;
    localTags.add(remote);
    const failure = pushImage(docker, one, remote);
    await expect(failure).rejects.toBeInstanceOf(RuntimeUnavailableError);
    await expect(failure).rejects.toThrow(`Docker could not push ${remote}`);
    const unreachable = new RegistryClient({ address: nowhere, insecure: true });
    await expect(unreachable.listTags(repository)).rejects.toThrow(
      new RuntimeUnavailableError(
        `Registry ${nowhere} unreachable while trying to list the tags of ${repository}: ECONNREFUSED`,
      ),
    );
  });

  it("over HTTPS (the default), a plain-HTTP registry is a set-up error that says what to set", async () => {
    const tls = new RegistryClient({ address: registry.address, insecure: false });
    const failure = tls.listTags(repository);
    await expect(failure).rejects.toBeInstanceOf(RuntimeRequestError);
    await expect(failure).rejects.toThrow(/PIER_REGISTRY_INSECURE=true/);
  });

  it("frees deleted images' layers by the operator guide's garbage collection, and keeps the rest", async () => {
    const digest = await client.manifestDigest(one);
    const run = (...args: string[]) => execFileSync(args[0]!, args.slice(1), { encoding: "utf8", stdio: "pipe" });
    run("bash", SCRIPT, "--stop", registry.dataDir);
    const collected = spawnSync("docker-registry", ["garbage-collect", path.join(registry.dataDir, "config.yml")], {
      encoding: "utf8",
    });
    expect(collected.status, collected.stderr).toBe(0);
    // "two"'s own config blob (its layers are the base's, which "one" still uses) and the placeholder's.
    expect(`${collected.stdout}${collected.stderr}`).toMatch(/Deleting blob/);
    run("bash", SCRIPT, registry.address, registry.dataDir);
    // The same client, whose kept-alive connection the restart closed.
    expect(await client.listTags(repository)).toEqual(["one"]);
    expect(await client.manifestDigest(one)).toBe(digest);
  });
});

const htpasswdLine = bcryptHtpasswdLine("pier", "registry-secret");

describe.skipIf(!htpasswdLine)("a registry that asks for credentials (htpasswd)", () => {
  let registry: TestRegistry;
  const settings = (password?: string) => ({
    address: registry.address,
    insecure: true,
    ...(password ? { username: "pier", password } : {}),
  });
  let image: string;
  const htpasswdFile = path.join(tmpdir(), `pier-registry-htpasswd-${id}`);

  beforeAll(async () => {
    writeFileSync(htpasswdFile, `${htpasswdLine}\n`);
    registry = await startRegistry({ htpasswd: htpasswdFile });
    image = buildImage(`${repository}:auth`);
  });
  afterAll(() => {
    registry?.stop();
    rmSync(htpasswdFile, { force: true });
  });

  it("takes pushes and deletes with them, and refuses without them or with a wrong password", async () => {
    const anonymous = new RegistryClient(settings());
    await expect(push(anonymous, image, image)).rejects.toThrow(/no basic auth credentials|unauthorized/i);
    await expect(anonymous.listTags(repository)).rejects.toThrow(
      new RuntimeRequestError(
        `Registry ${registry.address} refused to list the tags of ${repository}: it needs credentials ` +
          "(PIER_REGISTRY_USERNAME and PIER_REGISTRY_PASSWORD)",
        401,
      ),
    );
    const wrong = new RegistryClient(settings("not-the-password"));
    await expect(wrong.deleteTag(image)).rejects.toThrow(/credentials of pier \(PIER_REGISTRY_USERNAME\) were not/);

    const client = new RegistryClient(settings("registry-secret"));
    expect(client.authConfig()).toEqual({
      username: "pier",
      password: "registry-secret",
      serveraddress: registry.address,
    });
    await push(client, image, image);
    expect(await client.listTags(repository)).toEqual(["auth"]);
    expect(await client.deleteTag(image)).toBe(true);
    expect(await client.listTags(repository)).toEqual([]);
  });
});
