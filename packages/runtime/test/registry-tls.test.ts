import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDockerClient } from "../src/docker/engine.ts";
import { removeImage } from "../src/docker/images.ts";
import { pushImage } from "../src/docker/push.ts";
import { RegistryClient } from "../src/registry/registry-client.ts";
import {
  buildLabelledImage,
  makeCertificates,
  type RegistryTls,
  serveRegistry,
  type TestRegistry,
  trustInEngine,
} from "./support/registry.ts";

// A registry with TLS and a private CA (operator guide, registry.md): a docker-registry speaking HTTPS only, with a
// certificate of a throwaway CA for 127.0.0.1. The host's engine pushes to it; Pier's client (insecure: false)
// lists and deletes its tags in a process of its own, with the CA in NODE_EXTRA_CA_CERTS and without.
// Built by scripts/setup/base-images.sh (no public registry is reachable here).
const BASE = process.env.PIER_TEST_BASE_IMAGE ?? "pier-local/debian:bookworm-slim";
const REPO_ROOT = path.resolve(import.meta.dirname, "../../..");
const CLIENT_SCRIPT = path.join(import.meta.dirname, "support/registry-tls-client.ts");
const repository = `pier/regtls-${randomBytes(3).toString("hex")}`;
const docker = createDockerClient();
/** Every local tag the file made, removed at the end. */
const localTags = new Set<string>();

const buildImage = (tag: string) => buildLabelledImage(BASE, tag, localTags);

/** registry-tls-client.ts run by Node with `caFile` as NODE_EXTRA_CA_CERTS (null: none): its JSON line. */
function clientProcess(address: string, tag: string, caFile: string | null) {
  const env = { ...process.env };
  delete env.NODE_EXTRA_CA_CERTS;
  if (caFile) env.NODE_EXTRA_CA_CERTS = caFile;
  const run = spawnSync("node", ["--import", "tsx", CLIENT_SCRIPT, address, repository, tag], {
    cwd: REPO_ROOT,
    env,
    encoding: "utf8",
    timeout: 60_000,
  });
  const line = run.stdout.trim().split("\n").at(-1) ?? "";
  if (!line.startsWith("{")) throw new Error(`the client process printed no result (${run.status}): ${run.stderr}`);
  return { status: run.status, result: JSON.parse(line) as Record<string, unknown> };
}

describe("a registry with TLS and a private CA (docker-registry on 127.0.0.1)", () => {
  let dir: string;
  let tls: RegistryTls;
  let registry: TestRegistry;
  let client: RegistryClient;
  let untrustInEngine: (() => void) | undefined;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "pier-registry-tls-"));
    tls = makeCertificates(dir);
    registry = await serveRegistry(dir, null, tls);
    client = new RegistryClient({ address: registry.address, insecure: false });
    buildImage(`${repository}:one`);
    buildImage(`${repository}:two`);
  });
  afterAll(async () => {
    untrustInEngine?.();
    registry?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
    for (const tag of localTags) await removeImage(docker, tag);
  });

  async function push(tag: string) {
    const remote = client.imageRef(tag);
    localTags.add(remote);
    return pushImage(docker, tag, remote, client.authConfig());
  }

  it("speaks TLS only: a plain-HTTP request is turned away", async () => {
    const response = await fetch(`http://${registry.address}/v2/`);
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/HTTP request to an HTTPS server/);
  });

  it("takes the engine's push without the CA in certs.d: engines don't verify 127.0.0.0/8 registries", async () => {
    // Docker (20.10 here) treats a registry on 127.0.0.0/8 as insecure without being told: it still speaks TLS to
    // one that does, but skips verifying the certificate, and doesn't read certs.d for it. So this push works
    // without the CA. Should an engine start verifying loopback registries, it fails here with "x509: certificate
    // signed by unknown authority". A name the engine would verify needs an address outside 127.0.0.0/8, or a
    // name in /etc/hosts: neither is in this test's reach (traffic stays on 127.0.0.1; /etc/hosts is the host's).
    const { digest } = await push(`${repository}:one`);
    expect(digest).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it("takes the engine's push with the CA in /etc/docker/certs.d/<host:port>/ca.crt", async () => {
    untrustInEngine = trustInEngine(registry.address, tls.ca);
    const { digest } = await push(`${repository}:two`);
    expect(digest).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it("has the engine ignore certs.d for a 127.0.0.0/8 registry (as the operator guide says)", async () => {
    // A client certificate without its key makes the engine refuse to push to a registry it verifies ("missing key
    // client.key for client certificate client.cert"); for this one it doesn't even read the directory.
    writeFileSync(path.join("/etc/docker/certs.d", registry.address, "client.cert"), "not a certificate\n");
    const { digest } = await push(`${repository}:two`);
    expect(digest).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it("refuses Pier's client without the CA: its TLS certificate is not trusted, nothing is deleted", () => {
    const { status, result } = clientProcess(registry.address, "one", null);
    expect(status).toBe(1);
    expect(result.name).toBe("RuntimeRequestError");
    expect(result.error).toBe(
      `Registry ${registry.address}: can't list the tags of ${repository}: its TLS certificate is not trusted ` +
        "(UNABLE_TO_VERIFY_LEAF_SIGNATURE); give Pier's processes its CA (NODE_EXTRA_CA_CERTS=<ca.crt>)",
    );
  });

  it("lets Pier's client list and delete tags over https with the CA in NODE_EXTRA_CA_CERTS", () => {
    const { status, result } = clientProcess(registry.address, "one", tls.ca);
    expect(result).toEqual({ before: ["one", "two"], deleted: true, after: ["two"] });
    expect(status).toBe(0);
  });
});
