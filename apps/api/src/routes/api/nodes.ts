import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { AppError } from "../../errors.ts";
import { apiErrors, withExample } from "../../schemas/common.ts";
import {
  joinCommandDto,
  joinCommandExample,
  nodeDto,
  nodeExample,
  nodeListDto,
  nodeListExample,
  nodeParams,
} from "../../schemas/node.ts";
import { joinCommand, listNodesWithReplicas, runtimeKind, setNodeAvailability } from "../../services/nodes.ts";

const NODE_NOT_FOUND = "No node has this id or name";
const NO_CLUSTER = "Single Docker (PIER_RUNTIME=docker): one machine, no cluster (error no_cluster)";

/**
 * The machines apps run on: the one engine on single Docker, every node of the swarm on Swarm, each with the
 * replicas running on it; draining and activating a node; the command that joins a new one. Changes: admin scope.
 */
const nodesRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = app.pier;

  app.get(
    "/api/nodes",
    {
      schema: {
        summary: "The machines apps run on, with the replicas running on each",
        description:
          "Name, role, state, availability, address, CPUs, memory, Pier's running tasks and the apps' replicas on " +
          "each node. Single Docker answers its one machine (runtime: docker).",
        operationId: "listNodes",
        tags: ["nodes"],
        response: { 200: withExample(nodeListDto.describe("Every node"), nodeListExample), ...apiErrors() },
      },
    },
    async () => ({ nodes: await listNodesWithReplicas(deps), runtime: runtimeKind(deps) }),
  );

  app.get(
    "/api/nodes/join",
    {
      schema: {
        summary: "The command a new machine runs to join the swarm as a worker",
        description: "It holds the swarm's worker join token: admin scope. Single Docker has no cluster (409).",
        operationId: "getNodeJoinCommand",
        tags: ["nodes"],
        response: {
          200: withExample(joinCommandDto.describe("The join command"), joinCommandExample),
          ...apiErrors({ 409: NO_CLUSTER }),
        },
      },
    },
    async () => ({ command: await joinCommand(deps) }),
  );

  for (const [action, availability, summary, what] of [
    [
      "drain",
      "drain",
      "Drain a node: its replicas move to the other nodes, and none start there",
      "Swarm starts each of its tasks again on another node, then stops the one on it; the router follows.",
    ],
    ["activate", "active", "Make a drained node active: it runs replicas again", "New replicas may be placed on it."],
  ] as const) {
    app.post(
      `/api/nodes/:id/${action}`,
      {
        schema: {
          summary,
          description: `${what} By id or name. Admin scope. Single Docker has no other node (409 no_cluster).`,
          operationId: `${action}Node`,
          tags: ["nodes"],
          params: nodeParams,
          response: {
            200: withExample(z.object({ node: nodeDto }).describe("The node, changed"), {
              node: { ...nodeExample, availability },
            }),
            ...apiErrors({ 404: NODE_NOT_FOUND, 409: NO_CLUSTER }),
          },
        },
      },
      async (request) => {
        await setNodeAvailability(deps, request.params.id, availability);
        const nodes = await listNodesWithReplicas(deps);
        const node = nodes.find((n) => n.id === request.params.id || n.name === request.params.id);
        if (!node) throw new AppError("node_not_found", `node ${request.params.id} left the swarm`);
        return { node };
      },
    );
  }
};

export default nodesRoutes;
