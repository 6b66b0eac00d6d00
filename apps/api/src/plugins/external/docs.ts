import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import { jsonSchemaTransform } from "fastify-type-provider-zod";

/** OpenAPI document generated from the routes' zod schemas; browsable at /docs, JSON at /docs/json. */
export default fp(
  async (app: FastifyInstance) => {
    await app.register(swagger, {
      openapi: {
        info: {
          title: "Pier API",
          version: "1.0.0",
          description: "Self-hosted git-push deploys with instant rollback.",
        },
        components: {
          securitySchemes: {
            bearer: { type: "http", scheme: "bearer", description: "PIER_ADMIN_TOKEN or an API token (pier_…)" },
          },
        },
        security: [{ bearer: [] }],
      },
      transform: jsonSchemaTransform,
    });
    await app.register(swaggerUi, { routePrefix: "/docs", staticCSP: true });
  },
  { name: "docs" },
);
