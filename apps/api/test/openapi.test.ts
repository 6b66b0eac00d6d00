import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeProblem, openApiProblems } from "../../../scripts/lint-openapi.ts";
import { testConfig } from "../../../tests/support/platform.ts";
import { buildApp } from "../src/build-app.ts";
import { API_TAGS } from "../src/plugins/external/docs.ts";

type Schema = { properties?: Record<string, Schema>; anyOf?: Schema[] } & Record<string, unknown>;
type Media = { schema: Record<string, unknown>; example?: unknown; examples?: Record<string, unknown> };
type Operation = {
  operationId?: string;
  description?: string;
  tags?: string[];
  security?: unknown[];
  requestBody?: { required: boolean; content: Record<string, Media> };
  responses: Record<string, { description: string; content?: Record<string, Media> }>;
};
type Document = { tags: Array<{ name: string }>; paths: Record<string, Record<string, Operation>> };

describe("the OpenAPI document", () => {
  // Not the default (10): the document must show the configured maximum, not a constant.
  const config = testConfig({ PIER_MAX_REPLICAS: "7" });
  let app: FastifyInstance;
  let document: Document;
  let operations: Array<{ where: string; op: Operation }>;

  beforeAll(async () => {
    app = await buildApp(config, { logger: false });
    document = structuredClone(app.swagger()) as unknown as Document;
    operations = Object.entries(document.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({ where: `${method.toUpperCase()} ${path}`, op })),
    );
  });
  afterAll(async () => {
    await app.close();
  });

  it("passes the OpenAPI linter (Redocly's recommended rules, stricter)", async () => {
    const problems = await openApiProblems(document);
    expect(problems.map(describeProblem)).toEqual([]);
  });

  it("fails the linter when an operation loses its operationId or its tag is undeclared", async () => {
    const broken = structuredClone(document);
    delete broken.paths["/api/apps"]!.get!.operationId;
    broken.paths["/api/apps"]!.post!.tags = ["nowhere"];
    const rules = (await openApiProblems(broken)).filter((p) => p.severity === "error").map((p) => p.ruleId);
    expect(rules).toEqual(expect.arrayContaining(["operation-operationId", "operation-tag-defined"]));
  });

  it("gives every operation a unique camelCase operationId, a declared tag and a description", () => {
    const declared = new Set(API_TAGS.map((t) => t.name));
    const ids = operations.map(({ op }) => op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { where, op } of operations) {
      expect(op.operationId, where).toMatch(/^[a-z][a-zA-Z0-9]+$/);
      expect(op.tags?.length, where).toBe(1);
      expect(declared.has(op.tags![0]!), `${where}: tag ${op.tags![0]}`).toBe(true);
      expect(op.description?.length ?? 0, where).toBeGreaterThan(10);
    }
  });

  it("describes every response, and every error answer has the one error shape", () => {
    for (const { where, op } of operations) {
      for (const [status, response] of Object.entries(op.responses)) {
        expect(response.description, `${where} ${status}`).not.toBe("Default Response");
        if (Number(status) < 400 || where === "GET /healthz") continue;
        const schema = response.content?.["application/json"]?.schema as { properties?: object; required?: string[] };
        expect(Object.keys(schema.properties ?? {}), `${where} ${status}`).toEqual(["error", "message", "fields"]);
        expect(schema.required, `${where} ${status}`).toEqual(["error", "message"]);
      }
    }
  });

  it("lists the errors every authenticated route can give, and those of a body where there is one", () => {
    for (const { where, op } of operations.filter(({ op }) => op.security === undefined)) {
      expect(Object.keys(op.responses), where).toEqual(expect.arrayContaining(["400", "401", "403", "429", "503"]));
      if (op.requestBody) expect(Object.keys(op.responses), where).toEqual(expect.arrayContaining(["413", "415"]));
    }
    const getApp = document.paths["/api/apps/{name}"]!.get!;
    expect(getApp.responses["404"]!.description).toBe("No app has this name");
  });

  it("shows an example of every request body", () => {
    for (const { where, op } of operations.filter(({ op }) => op.requestBody)) {
      const media = op.requestBody!.content["application/json"]!;
      expect(media.example ?? media.examples, where).toBeDefined();
    }
  });

  it("shows an example of every success answer", async () => {
    const missing = operations.flatMap(({ where, op }) =>
      Object.entries(op.responses)
        .filter(([status]) => status.startsWith("2"))
        .flatMap(([status, response]) =>
          Object.entries(response.content ?? {})
            .filter(([, media]) => media.example === undefined && media.examples === undefined)
            .map(([type]) => `${op.operationId} (${where}) ${status} ${type}`),
        ),
    );
    // Add one with withExample (src/schemas/common.ts): `200: withExample(appDto.describe("The app"), appExample)`.
    expect(missing, "success answers without an example").toEqual([]);
  });

  it("holds every example to its schema: a wrong type or an unknown property fails the linter", async () => {
    // Rule no-invalid-media-type-examples, with no property the schema doesn't have.
    const broken = structuredClone(document);
    const media = broken.paths["/api/apps/{name}"]!.get!.responses["200"]!.content!["application/json"]!;
    const [first] = Object.values(media.examples ?? {}) as Array<{ value: Record<string, unknown> }>;
    first!.value = { ...first!.value, name: 42, unknownField: true };
    const problems = (await openApiProblems(broken)).filter((p) => p.ruleId === "no-invalid-media-type-examples");
    const messages = problems.map((p) => p.message).join("\n");
    expect(messages).toMatch(/`name` property type must be string/);
    expect(messages).toMatch(/must NOT have additional properties `unknownField`/);
  });

  it("shows the real bounds: scale's maximum is PIER_MAX_REPLICAS, and no bound is zod's safe-integer default", () => {
    const scale = document.paths["/api/apps/{name}/scale"]!.post!;
    const replicas = (scale.requestBody!.content["application/json"]!.schema.properties as Record<string, object>)
      .replicas;
    expect(replicas).toMatchObject({ type: "integer", minimum: 0, maximum: 7 });
    // An autoscale policy's bounds are the same operator's maximum.
    const update = document.paths["/api/apps/{name}"]!.patch!;
    const autoscale = (update.requestBody!.content["application/json"]!.schema.properties as Record<string, Schema>)
      .autoscale!;
    const policy = (autoscale.anyOf?.find((s) => s.properties) ?? autoscale).properties!;
    expect(policy.min).toMatchObject({ type: "integer", minimum: 0, maximum: 7 });
    expect(policy.max).toMatchObject({ type: "integer", minimum: 1, maximum: 7 });
    expect(JSON.stringify(document)).not.toContain(String(Number.MAX_SAFE_INTEGER));
  });

  it("marks the bodies of rollback and deploy optional and every other body required", () => {
    const optional = new Set(["rollbackApp", "deployApp"]);
    for (const { where, op } of operations.filter(({ op }) => op.requestBody)) {
      expect(op.requestBody!.required, where).toBe(!optional.has(op.operationId!));
    }
    expect(JSON.stringify(document)).not.toContain("x-optional-body");
  });
});
