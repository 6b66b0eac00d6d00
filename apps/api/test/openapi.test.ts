import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeProblem, openApiProblems } from "../../../scripts/lint-openapi.ts";
import { testConfig } from "../../../tests/support/platform.ts";
import { buildApp } from "../src/build-app.ts";
import { API_TAGS } from "../src/plugins/external/docs.ts";

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

  it("shows the real bounds: scale's maximum is PIER_MAX_REPLICAS, and no bound is zod's safe-integer default", () => {
    const scale = document.paths["/api/apps/{name}/scale"]!.post!;
    const replicas = (scale.requestBody!.content["application/json"]!.schema.properties as Record<string, object>)
      .replicas;
    expect(replicas).toMatchObject({ type: "integer", minimum: 0, maximum: 7 });
    expect(JSON.stringify(document)).not.toContain(String(Number.MAX_SAFE_INTEGER));
  });

  it("marks rollback's body optional and every other body required", () => {
    for (const { where, op } of operations.filter(({ op }) => op.requestBody)) {
      expect(op.requestBody!.required, where).toBe(op.operationId !== "rollbackApp");
    }
    expect(JSON.stringify(document)).not.toContain("x-optional-body");
  });
});
