import { pierJsonJsonSchema } from "@pier/shared";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { examples } from "../schemas/common.ts";

/** Published schemas: point "$schema" in a pier.json here for editor completion and checks. */
const schemasRoutes: FastifyPluginAsyncZod = async (app) => {
  const pierJson = pierJsonJsonSchema();
  app.get(
    "/schemas/pier.json",
    {
      schema: {
        summary: "JSON Schema of pier.json",
        description: 'No token needed. Point a pier.json\'s "$schema" here for completion and checks in an editor.',
        operationId: "getPierJsonSchema",
        tags: ["platform"],
        security: [],
        response: {
          200: z
            .record(z.string(), z.unknown())
            .describe("The JSON Schema of pier.json")
            .meta(examples({ $schema: "https://json-schema.org/draft/2020-12/schema", type: "object" })),
        },
      },
    },
    async () => pierJson,
  );
};

export default schemasRoutes;
