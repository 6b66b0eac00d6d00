import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { appParams } from "../../../schemas/app.ts";
import { APP_NOT_FOUND, apiErrors, withExample } from "../../../schemas/common.ts";
import { webhookDeliveryExample } from "../../../schemas/examples.ts";
import { deliveriesQuery, deliveryList } from "../../../schemas/delivery.ts";
import { findAppByName } from "../../../services/apps.ts";
import { deliveriesOf } from "../../../services/deliveries.ts";

const deliveriesRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = app.pier;

  app.get(
    "/api/apps/:name/deliveries",
    {
      schema: {
        summary: "The app's last webhook deliveries and what Pier did with each (pushes the head check caught too)",
        description:
          "Each delivery's outcome (deployed, ignored, rejected, stopped, caught) and why, with the deployment it " +
          "made as it stands now: where to look when a push didn't deploy.",
        operationId: "listWebhookDeliveries",
        tags: ["webhooks"],
        params: appParams,
        querystring: deliveriesQuery,
        response: {
          200: withExample(deliveryList.describe("The deliveries, newest first"), {
            deliveries: [webhookDeliveryExample],
          }),
          ...apiErrors({ 404: APP_NOT_FOUND }),
        },
      },
    },
    async (request) => {
      const target = await findAppByName(deps.prisma, request.params.name);
      return { deliveries: await deliveriesOf(deps, target.id, request.query.limit) };
    },
  );
};

export default deliveriesRoutes;
