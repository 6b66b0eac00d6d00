import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import { jsonSchemaTransform } from "fastify-type-provider-zod";
import { OPTIONAL_BODY } from "../../schemas/common.ts";

/** The API's parts, in the order a reader meets them; every operation carries one of these tags. */
export const API_TAGS = [
  { name: "apps", description: "Apps: a repository, a branch and how to build and run it" },
  { name: "deployments", description: "Builds of a commit, their phases and their logs" },
  { name: "releases", description: "Changes of production: deploys, rollbacks and promotions, without rebuilding" },
  { name: "env", description: "Environment variables per target (production, preview); values masked unless asked" },
  { name: "flags", description: "Feature flags: read live by running apps, without a build or a restart" },
  { name: "domains", description: "An app's own domains and their TLS certificates" },
  { name: "scaling", description: "Production replicas, by hand or by the autoscaler" },
  { name: "runtime", description: "The running app: its logs and one-off commands in its image" },
  { name: "metrics", description: "Requests, errors, latency, CPU and memory" },
  { name: "credentials", description: "Credentials for cloning private repositories" },
  { name: "webhooks", description: "GitHub deliveries and what Pier did with each" },
  { name: "notifications", description: "Channels alerts and deploy events are sent to, and their deliveries" },
  { name: "tokens", description: "Named API tokens with scopes (read < deploy < admin)" },
  { name: "audit", description: "Who changed what, when" },
  { name: "settings", description: "Platform-wide settings (the GitHub App)" },
  { name: "nodes", description: "The machines apps run on: their replicas, drain and activate, joining new ones" },
  { name: "platform", description: "Health, identity and published schemas" },
];

type Operation = {
  requestBody?: { required?: boolean; content?: Record<string, { schema?: object }> };
  responses?: Record<string, { description: string; content?: object }>;
};

const operationsOf = (document: { paths?: object }): Operation[] =>
  Object.values((document.paths ?? {}) as Record<string, Record<string, Operation>>).flatMap((operations) =>
    Object.values(operations),
  );

// Fastify answers these for any route that reads a body, before the route runs (plugins/app/error-handler.ts).
const BODY_REFUSALS = {
  "413": "The body is larger than this route accepts",
  "415": "The body's Content-Type is not application/json",
};

/**
 * Fastify marks every declared body required; a body schema with OPTIONAL_BODY (rollback's) may be left out, and
 * the document says so.
 */
function markOptionalBodies<T extends { paths?: object }>(document: T): T {
  for (const operation of operationsOf(document)) {
    const schema = operation.requestBody?.content?.["application/json"]?.schema as Record<string, unknown>;
    if (!schema?.[OPTIONAL_BODY]) continue;
    delete schema[OPTIONAL_BODY];
    operation.requestBody!.required = false;
  }
  return document;
}

/** Every operation with a body lists the refusals of its body (the error shape of its 400 answer). */
function withBodyRefusals<T extends { paths?: object }>(document: T): T {
  for (const operation of operationsOf(document)) {
    const invalid = operation.responses?.["400"];
    if (!operation.requestBody || !invalid?.content) continue;
    for (const [status, description] of Object.entries(BODY_REFUSALS))
      operation.responses![status] ??= { description, content: invalid.content };
  }
  return document;
}

/**
 * zod writes every `.int()` without bounds as ±9007199254740991 (the safe integers): a bound nobody set, which
 * reads as a real one. Dropped, so the bounds left are those the schemas mean.
 */
function withoutImplicitBounds<T>(node: T): T {
  if (Array.isArray(node)) for (const item of node) withoutImplicitBounds(item);
  else if (node && typeof node === "object") {
    const schema = node as Record<string, unknown>;
    if (schema.maximum === Number.MAX_SAFE_INTEGER) delete schema.maximum;
    if (schema.minimum === Number.MIN_SAFE_INTEGER) delete schema.minimum;
    for (const value of Object.values(schema)) withoutImplicitBounds(value);
  }
  return node;
}

/** OpenAPI document generated from the routes' zod schemas; browsable at /docs, JSON at /docs/json. */
export default fp(
  async (app: FastifyInstance) => {
    await app.register(swagger, {
      openapi: {
        info: {
          title: "Pier API",
          version: "1.0.0",
          description:
            "Self-hosted git-push deploys with instant rollback. Every error answer has one shape: " +
            "`{error, message, fields?: [{field, message}]}`, `error` a stable code, `message` a sentence.",
        },
        tags: API_TAGS,
        components: {
          securitySchemes: {
            bearer: { type: "http", scheme: "bearer", description: "PIER_ADMIN_TOKEN or an API token (pier_…)" },
          },
        },
        security: [{ bearer: [] }],
      },
      transform: jsonSchemaTransform,
      transformObject: (input) =>
        "openapiObject" in input
          ? withoutImplicitBounds(withBodyRefusals(markOptionalBodies(input.openapiObject)))
          : input.swaggerObject,
    });
    await app.register(swaggerUi, { routePrefix: "/docs", staticCSP: true });
  },
  { name: "docs" },
);
