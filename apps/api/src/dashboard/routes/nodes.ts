import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { nodeParams } from "../../schemas/node.ts";
import { listNodesWithReplicas, runtimeKind, setNodeAvailability } from "../../services/nodes.ts";
import { csrfBody, html200 } from "../forms.ts";
import type { DashboardRoutesOptions } from "../kit.ts";
import { nodesPage } from "../pages/nodes.ts";

/** The Nodes page: the same nodes and replicas as GET /api/nodes, and drain/activate on Swarm. */
const nodesRoutes: FastifyPluginAsyncZod<DashboardRoutesOptions> = async (app, { kit }) => {
  const { deps } = kit;

  app.get("/nodes", { schema: { hide: true, response: html200 } }, async (request, reply) =>
    kit.page(
      reply,
      nodesPage(kit.context(request, reply), { nodes: await listNodesWithReplicas(deps), runtime: runtimeKind(deps) }),
    ),
  );

  app.post(
    "/nodes/:id/drain",
    { schema: { hide: true, params: nodeParams, body: csrfBody } },
    async (request, reply) =>
      kit.confirmFirst(request, reply, {
        title: `Drain ${request.params.id}?`,
        text: "Its replicas move to the other nodes, and none start there until it is activated again.",
        button: "Drain node",
        back: "/nodes",
      }) ??
      kit.action(request, reply, "/nodes", async () => {
        await setNodeAvailability(deps, request.params.id, "drain");
        return { flash: { kind: "ok", text: `Draining ${request.params.id}: its replicas move to the other nodes.` } };
      }),
  );

  app.post(
    "/nodes/:id/activate",
    { schema: { hide: true, params: nodeParams, body: csrfBody } },
    async (request, reply) =>
      kit.action(request, reply, "/nodes", async () => {
        await setNodeAvailability(deps, request.params.id, "active");
        return { flash: { kind: "ok", text: `${request.params.id} is active: new replicas may be placed on it.` } };
      }),
  );
};

export default nodesRoutes;
