import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDockerClient } from "../src/docker/engine.ts";
import { removeImage } from "../src/docker/images.ts";
import { pushImage } from "../src/docker/push.ts";
import { RuntimeRequestError } from "../src/index.ts";
import { RegistryClient } from "../src/registry/registry-client.ts";
import { serveRegistry, type TestRegistry } from "./support/registry.ts";
import { startTokenService, type TokenService } from "./support/token-service.ts";

// A registry behind a token service, as hosted registries are (Docker Hub, Harbor, GitLab): it answers 401 with
// a Bearer challenge, the client gets a token for the scope from the service with its credentials, then retries.
// The registry is the real docker-registry, with its token authentication turned on.
const BASE = process.env.PIER_TEST_BASE_IMAGE ?? "pier-local/debian:bookworm-slim";
const credentials = { username: "pier", password: "token-secret" };
const repository = `pier/regtoken-${randomBytes(3).toString("hex")}`;
const image = `${repository}:one`;

describe("a registry with token authentication (Bearer)", () => {
  const docker = createDockerClient();
  let tokens: TokenService;
  let registry: TestRegistry;
  let remote: string;

  beforeAll(async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "pier-registry-token-"));
    tokens = await startTokenService(dir, credentials);
    registry = await serveRegistry(
      dir,
      [
        "token:",
        `  realm: ${tokens.realm}`,
        `  service: ${tokens.service}`,
        `  issuer: ${tokens.issuer}`,
        `  rootcertbundle: ${tokens.certFile}`,
      ].join("\n"),
    );
    execFileSync("docker", ["build", "-q", "-t", image, "-"], {
      input: `FROM ${BASE}\nLABEL pier.regtest="${image}"\n`,
      stdio: ["pipe", "ignore", "pipe"],
    });
  });
  afterAll(async () => {
    registry?.stop();
    await tokens?.close();
    for (const tag of [image, remote]) if (tag) await removeImage(docker, tag);
  });

  it("gets a token for each scope with its credentials: pushes (the engine), lists and deletes (Pier)", async () => {
    const client = new RegistryClient({ address: registry.address, insecure: true, ...credentials });
    remote = client.imageRef(image);
    await pushImage(docker, image, remote, client.authConfig());
    expect(tokens.issued.some((scope) => scope.startsWith(`repository:${repository}:`))).toBe(true);

    tokens.issued.length = 0;
    expect(await client.listTags(repository)).toEqual(["one"]);
    expect(await client.deleteTag(image)).toBe(true);
    expect(await client.listTags(repository)).toEqual([]);
    expect(tokens.issued).toContain(`repository:${repository}:pull`);
    expect(tokens.issued).toContain(`repository:${repository}:delete`);
    // A token is kept for its lifetime: one per scope, not one per request.
    expect(tokens.issued.filter((scope) => scope === `repository:${repository}:pull`)).toHaveLength(1);
  });

  it("without credentials the token service refuses, and the error says so", async () => {
    const anonymous = new RegistryClient({ address: registry.address, insecure: true });
    const failure = anonymous.listTags(repository);
    await expect(failure).rejects.toBeInstanceOf(RuntimeRequestError);
    await expect(failure).rejects.toThrow(
      `Registry ${registry.address} refused to give a token for repository:${repository}:pull ` +
        `(list the tags of ${repository}): HTTP 401`,
    );
  });
});
