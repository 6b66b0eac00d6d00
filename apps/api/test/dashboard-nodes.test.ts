import { randomBytes } from "node:crypto";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cookieOf, dashboardClient, postSignIn } from "../../../tests/support/dashboard-forms.ts";
import { testConfig } from "../../../tests/support/platform.ts";
import { startReplicaContainer, type ReplicaContainer } from "../../../tests/support/replica-container.ts";
import { buildApp } from "../src/build-app.ts";
import { nodesPage } from "../src/dashboard/pages/nodes.ts";
import { nodeListExample } from "../src/schemas/node.ts";

describe("dashboard: the Nodes page shows each node and the replicas running on it", () => {
  let app: FastifyInstance;
  let session: string;
  let replica: ReplicaContainer;
  const config = testConfig();
  const admin = { authorization: `Bearer ${config.PIER_ADMIN_TOKEN}` };
  const name = `dnodes-${randomBytes(3).toString("hex")}`;
  const { getPage, post, after } = dashboardClient(
    () => app,
    () => session,
    "/nodes",
  );

  beforeAll(async () => {
    app = await buildApp(config, { logger: false });
    session = cookieOf(await postSignIn(app, config.PIER_ADMIN_TOKEN), "pier_session")!;
    replica = await startReplicaContainer(app, name, admin);
  });
  afterAll(async () => {
    replica?.remove();
    await app.inject({ method: "DELETE", url: `/api/apps/${name}`, headers: admin });
    await app.close();
  });

  it("on single Docker: one node, says so, lists this app's replica on it, and offers no drain", async () => {
    const page = await getPage("/nodes");
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/<a href="\/nodes" class="on">Nodes<\/a>/);
    expect(page.body).toContain('data-runtime="docker"');
    expect(page.body).toContain("Single Docker: one node.");
    expect(page.body.match(/data-node="/g)).toHaveLength(1);
    const row = new RegExp(
      `<tr data-replica="${replica.container}"><td><a href="/apps/${name}"><b>${name}</b></a></td>\\s*` +
        `<td><span class="sha">${replica.shortId}</span></td><td>2</td>`,
    );
    expect(page.body).toMatch(row);
    expect(page.body).not.toContain('data-action="drain"');
  });

  it("a drain posted anyway is refused with the reason, and a form without its CSRF token is refused", async () => {
    const { nodes } = (await app.inject({ method: "GET", url: "/api/nodes", headers: admin })).json();
    const id = encodeURIComponent(nodes[0].id as string);
    const asked = await post(`/nodes/${id}/drain`, {});
    expect(asked.statusCode).toBe(200);
    expect(asked.body).toContain("Drain node");
    const refused = await post(`/nodes/${id}/drain`, { confirmed: "yes" });
    expect(refused.statusCode).toBe(303);
    expect(await after(refused)).toMatch(/data-flash="error">[^<]*single Docker/);
    const forged = await app.inject({
      method: "POST",
      url: `/nodes/${id}/activate`,
      cookies: { pier_session: session },
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: "_csrf=nope",
    });
    expect(forged.statusCode).toBe(403);
  });

  it("on Swarm: a Drain button per active node (asking first), Activate on a drained one, each replica listed", () => {
    const [manager, worker] = nodeListExample.nodes;
    const ctx = { nonce: "n", csrf: "token", signedIn: true, flash: null, now: Date.now() };
    const page = nodesPage(ctx, { runtime: "swarm", nodes: [manager!, { ...worker!, availability: "drain" }] });
    expect(page).toContain('data-runtime="swarm"');
    expect(page).toMatch(
      new RegExp(`action="/nodes/${manager!.id}/drain" class="inline" data-confirm="Drain node-1\\?`),
    );
    expect(page).toContain(`action="/nodes/${worker!.id}/activate"`);
    expect(page.match(/data-replica="/g)).toHaveLength(3);
    expect(page).toContain('<span class="tag">preview login</span>');
  });
});
