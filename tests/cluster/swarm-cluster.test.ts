import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { until } from "../support/faults.ts";
import { makeCertificates, serveRegistry, trustInEngine } from "../../packages/runtime/test/support/registry.ts";
import { SwarmCluster } from "../support/swarm-cluster.ts";

const BASE = "pier-local/node:24-bookworm-slim";

/**
 * The test bed itself: two engines in namespaces of their own form a swarm, pull from the registry, and run a
 * service's tasks on both nodes reachable from the host: what Pier's swarm runtime relies on, checked without
 * Pier (a lost node is platform-on-swarm.test.ts's case).
 */
describe("a two-node swarm on this machine", () => {
  let cluster: SwarmCluster;

  beforeAll(async () => {
    cluster = await SwarmCluster.create();
    await cluster.loadImage(BASE);
  }, 180_000);

  afterAll(() => cluster?.remove(), 120_000);

  const tasks = async (service: string) => {
    const { stdout } = await cluster.manager.docker(
      "service",
      "ps",
      service,
      "--filter",
      "desired-state=running",
      "--format",
      "{{.Node}} {{.CurrentState}}",
    );
    return stdout.split("\n").filter((line) => line.includes(" Running "));
  };

  it("runs a service's tasks on both nodes, each answering the host on its node's address", async () => {
    const image = `${cluster.registry}/smoke/node:24`;
    await cluster.manager.docker("tag", BASE, image);
    await cluster.manager.docker("push", image);
    const server = 'require("http").createServer((q, s) => s.end(require("os").hostname())).listen(3000)';
    await cluster.manager.docker(
      ...["service", "create", "--detach", "--name", "smoke", "--replicas", "2", "--endpoint-mode", "dnsrr"],
      ...["--publish", "mode=host,target=3000", image, "node", "-e", server],
    );
    const running = await until(
      async () => {
        const now = await tasks("smoke");
        return now.length === 2 && now;
      },
      "two smoke tasks running",
      120_000,
    );
    expect(new Set(running.map((line) => line.split(" ")[0]))).toEqual(new Set(["pier-node-0", "pier-node-1"]));

    for (const node of cluster.nodes) {
      const published = await until(async () => {
        const { stdout: ids } = await node.docker(
          "ps",
          "--quiet",
          "--filter",
          "label=com.docker.swarm.service.name=smoke",
        );
        const id = ids.trim().split("\n")[0];
        if (!id) return false;
        const { stdout: ports } = await node.docker("port", id, "3000/tcp");
        return /:(\d+)$/m.exec(ports)?.[1];
      }, `the smoke task's port on ${node.name}`);
      const body = await (await fetch(`http://${node.address}:${published}/`)).text();
      expect(body.length).toBeGreaterThan(0);
    }
  });
  it("a node's engine checks a registry's certificate: refused without its CA, trusted with it (certs.d)", async () => {
    // Not the cluster's plain-HTTP registry: one over TLS on another port, which no node treats as insecure
    // (unlike a loopback registry, which an engine never checks), with a CA of this test's own.
    const dir = await mkdtemp(path.join(tmpdir(), "pier-swarm-tls-"));
    const address = `${cluster.hostAddress}:5443`;
    const registry = await serveRegistry(dir, null, makeCertificates(dir, cluster.hostAddress), address);
    const node = cluster.manager;
    const image = `${address}/tls/node:24`;
    try {
      await node.docker("tag", BASE, image);
      await expect(node.docker("push", image)).rejects.toThrow(/x509|certificate signed by unknown authority/);
      const untrust = trustInEngine(address, path.join(dir, "ca.crt"));
      try {
        await node.docker("push", image);
      } finally {
        untrust();
      }
      const tags = await node.docker("image", "inspect", image, "--format", "{{json .RepoDigests}}");
      expect(tags.stdout).toContain(`${address}/tls/node@sha256:`);
    } finally {
      registry.stop();
    }
  });
});
