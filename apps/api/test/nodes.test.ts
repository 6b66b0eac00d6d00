import { randomBytes } from "node:crypto";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testConfig } from "../../../tests/support/platform.ts";
import { startReplicaContainer, type ReplicaContainer } from "../../../tests/support/replica-container.ts";
import { buildApp } from "../src/build-app.ts";

interface NodeView {
  id: string;
  name: string;
  role: string;
  state: string;
  availability: string;
  runningTasks: number;
  replicas: Array<{ app: string; deploymentShortId: string | null; replica: number; container: string }>;
}

// Single Docker: the API answers its one machine, with the replicas running on it, and refuses to drain it.
describe("GET /api/nodes and node changes on single Docker", () => {
  let app: FastifyInstance;
  const config = testConfig();
  const admin = { authorization: `Bearer ${config.PIER_ADMIN_TOKEN}` };
  const name = `nodes-${randomBytes(3).toString("hex")}`;
  let replica: ReplicaContainer;

  beforeAll(async () => {
    app = await buildApp(config, { logger: false });
    replica = await startReplicaContainer(app, name, admin);
  });
  afterAll(async () => {
    replica?.remove();
    await app.inject({ method: "DELETE", url: `/api/apps/${name}`, headers: admin });
    await app.close();
  });

  const nodes = async () => {
    const res = await app.inject({ method: "GET", url: "/api/nodes", headers: admin });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { nodes: NodeView[]; runtime: string };
  };

  it("lists the one machine, ready and active, with this app's replica on it", async () => {
    const answer = await nodes();
    expect(answer.runtime).toBe("docker");
    expect(answer.nodes).toHaveLength(1);
    const [node] = answer.nodes;
    expect(node).toMatchObject({ role: "manager", state: "ready", availability: "active" });
    expect(node!.runningTasks).toBeGreaterThanOrEqual(1);
    expect(node!.replicas.filter((r) => r.app === name)).toEqual([
      {
        app: name,
        deploymentShortId: replica.shortId,
        replica: 2,
        container: replica.container,
        preview: null,
        pinnedByVolume: false,
      },
    ]);
  });

  it("refuses to drain or activate it (409 no_cluster), an unknown node (404), and the audit log says so", async () => {
    const [node] = (await nodes()).nodes;
    for (const target of [node!.id, node!.name]) {
      for (const action of ["drain", "activate"]) {
        const res = await app.inject({ method: "POST", url: `/api/nodes/${target}/${action}`, headers: admin });
        expect(res.statusCode, res.body).toBe(409);
        expect(res.json()).toMatchObject({ error: "no_cluster" });
        expect(res.json().message).toMatch(/single Docker/);
      }
    }
    const unknown = await app.inject({ method: "POST", url: "/api/nodes/no-such-node/drain", headers: admin });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ error: "node_not_found" });
    const join = await app.inject({ method: "GET", url: "/api/nodes/join", headers: admin });
    expect(join.statusCode).toBe(409);
    expect(join.json()).toMatchObject({ error: "no_cluster" });
    const audit = await app.inject({ method: "GET", url: "/api/audit?limit=500", headers: admin });
    const drains = (audit.json().events as Array<{ path: string; route: string; status: number }>).filter(
      (e) => e.path === `/api/nodes/${node!.id}/drain`,
    );
    expect(drains[0]).toMatchObject({ route: "/api/nodes/:id/drain", status: 409 });
  });

  it("needs the admin scope to drain and to read the join command; read lists", async () => {
    const minted = await app.inject({
      method: "POST",
      url: "/api/tokens",
      headers: admin,
      payload: { name: `read-${name}`, scopes: ["read"] },
    });
    const reader = { authorization: `Bearer ${minted.json().token}` };
    expect((await app.inject({ method: "GET", url: "/api/nodes", headers: reader })).statusCode).toBe(200);
    const drain = await app.inject({ method: "POST", url: "/api/nodes/x/drain", headers: reader });
    expect(drain.statusCode).toBe(403);
    expect((await app.inject({ method: "GET", url: "/api/nodes/join", headers: reader })).statusCode).toBe(403);
    await app.inject({ method: "DELETE", url: `/api/tokens/${minted.json().id}`, headers: admin });
  });
});
