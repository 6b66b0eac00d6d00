import { randomBytes } from "node:crypto";
import type { FastifyInstance, InjectOptions } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { testConfig } from "../../../tests/support/platform.ts";
import { buildApp } from "../src/build-app.ts";

/** The one shape of every error answer (schemas/common.ts), strictly: nothing else, nothing missing. */
const errorShape = z
  .object({
    error: z.string().regex(/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/, "a snake_case code"),
    message: z.string().min(1),
    fields: z
      .array(z.object({ field: z.string().min(1), message: z.string().min(1) }).strict())
      .min(1)
      .optional(),
  })
  .strict();

// What zod says when no schema said better: a person can't act on it.
const RAW_VALIDATOR_TEXT =
  /Invalid input|Invalid key in record|expected \w+, received|Too (big|small)|Unrecognized key/;

type JsonSchema = { type?: string; properties?: Record<string, JsonSchema>; required?: string[] };
type Operation = {
  operationId?: string;
  security?: unknown[];
  parameters?: Array<{ in: string; name: string; schema: JsonSchema }>;
  requestBody?: {
    content: { "application/json": { schema: JsonSchema; examples?: Record<string, { value: unknown }> } };
  };
  responses: Record<string, unknown>;
};
type Route = { method: string; path: string; op: Operation };

// Values for path parameters that are well-formed but name nothing.
const MISSING = { name: `no-such-${randomBytes(3).toString("hex")}`, id: "zz0000nothing", domain: "www.example.com" };
const pathWith = (path: string, values: Record<string, string>) =>
  path.replace(/\{(\w+)\}/g, (_, param: string) => values[param] ?? "FOO");

/** A value of another JSON type than the schema's, or undefined when the schema allows several. */
function wrongTypeFor(schema: JsonSchema): unknown {
  if (schema.type === "string") return 12345;
  if (schema.type === "number" || schema.type === "integer") return "not a number";
  if (schema.type === "boolean") return "yes";
  if (schema.type === "array" || schema.type === "object") return 7;
  return undefined;
}

describe("every route answers errors in one shape", () => {
  const config = testConfig();
  const auth = { authorization: `Bearer ${config.PIER_ADMIN_TOKEN}` };
  let app: FastifyInstance;
  let routes: Route[];

  beforeAll(async () => {
    app = await buildApp(config, { logger: false });
    const paths = (app.swagger() as unknown as { paths: Record<string, Record<string, Operation>> }).paths;
    routes = Object.entries(paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({ method: method.toUpperCase(), path, op })),
    );
  });
  afterAll(async () => {
    await app.close();
  });

  /** Sends the request and lists what is wrong with the answer: not the status expected, the shape, or the texts. */
  async function refusal(route: Route, request: InjectOptions, expected: number[], fields: string[] = []) {
    const res = await app.inject({ method: route.method as "GET", ...request });
    const where = `${route.method} ${route.path} (${String(request.url)})`;
    const problems: string[] = [];
    if (!expected.includes(res.statusCode)) problems.push(`${where}: ${res.statusCode} ${res.body.slice(0, 200)}`);
    if (res.statusCode < 400) return problems;
    if (!(String(res.statusCode) in route.op.responses)) problems.push(`${where}: ${res.statusCode} not documented`);
    const parsed = errorShape.safeParse(res.json());
    if (!parsed.success) return [...problems, `${where}: shape ${res.body.slice(0, 200)}`];
    if (RAW_VALIDATOR_TEXT.test(res.body)) problems.push(`${where}: raw validator text ${res.body.slice(0, 200)}`);
    const named = new Set(parsed.data.fields?.map((f) => f.field));
    for (const field of fields) if (!named.has(field)) problems.push(`${where}: ${field} not named in ${res.body}`);
    return problems;
  }

  const authenticated = () => routes.filter((r) => r.op.security === undefined);
  const withBody = () => authenticated().filter((r) => r.op.requestBody);
  const url = (route: Route) => pathWith(route.path, MISSING);
  const json = { ...auth, "content-type": "application/json" };

  it("walks the whole API", () => {
    expect(routes.length).toBeGreaterThan(40);
    expect(withBody().length).toBeGreaterThan(10);
  });

  it("refuses a missing or wrong token with 401", async () => {
    const problems = [];
    for (const route of authenticated()) {
      problems.push(...(await refusal(route, { url: url(route) }, [401])));
      const wrong = { authorization: "Bearer pier_not-a-token" };
      problems.push(...(await refusal(route, { url: url(route), headers: wrong }, [401])));
    }
    expect(problems).toEqual([]);
  });

  it("answers 404 for an app, deployment, token or channel that doesn't exist", async () => {
    const problems = [];
    for (const route of routes.filter((r) => r.path.includes("{"))) {
      const example = route.op.requestBody?.content["application/json"].examples?.example1?.value;
      const request = { url: url(route), headers: auth, ...(example ? { payload: example as object } : {}) };
      problems.push(...(await refusal(route, request, [404])));
    }
    expect(problems).toEqual([]);
  });

  it("refuses malformed path parameters", async () => {
    const problems = [];
    for (const route of authenticated().filter((r) => /\{(name|id)\}/.test(r.path))) {
      const request = {
        url: pathWith(route.path, { name: "Bad_Name!", id: "NOT-AN-ID!", domain: "x" }),
        headers: auth,
      };
      problems.push(...(await refusal(route, request, [400, 404])));
    }
    expect(problems).toEqual([]);
  });

  it("refuses bad JSON, an empty JSON body, another content type and a body too large, naming the body", async () => {
    const problems = [];
    for (const route of withBody()) {
      problems.push(...(await refusal(route, { url: url(route), headers: json, payload: '{"a":' }, [400], ["body"])));
      problems.push(...(await refusal(route, { url: url(route), headers: json, payload: "" }, [400], ["body"])));
      const xml = { ...auth, "content-type": "application/xml" };
      problems.push(...(await refusal(route, { url: url(route), headers: xml, payload: "<a/>" }, [415], ["body"])));
    }
    const create = withBody().find((r) => r.op.operationId === "createApp")!;
    const huge = `{"name":"${"x".repeat(2 * 1024 * 1024)}"}`;
    problems.push(...(await refusal(create, { url: url(create), headers: json, payload: huge }, [413], ["body"])));
    expect(problems).toEqual([]);
  });

  it("refuses every body field of the wrong type, naming each in words", async () => {
    const problems = [];
    for (const route of withBody()) {
      const properties = route.op.requestBody!.content["application/json"].schema.properties ?? {};
      const wrong = Object.fromEntries(
        Object.entries(properties)
          .map(([field, schema]) => [field, wrongTypeFor(schema)])
          .filter(([, value]) => value !== undefined),
      );
      if (Object.keys(wrong).length === 0) continue;
      problems.push(
        ...(await refusal(route, { url: url(route), headers: auth, payload: wrong }, [400], Object.keys(wrong))),
      );
    }
    expect(problems).toEqual([]);
  });

  it("refuses a body missing required fields, naming each as required", async () => {
    const problems = [];
    for (const route of withBody()) {
      const required = route.op.requestBody!.content["application/json"].schema.required ?? [];
      if (required.length === 0) continue;
      problems.push(...(await refusal(route, { url: url(route), headers: auth, payload: {} }, [400], required)));
    }
    expect(problems).toEqual([]);
    const res = await app.inject({ method: "POST", url: "/api/apps", headers: auth, payload: {} });
    expect(res.json().fields).toContainEqual({ field: "name", message: "is required" });
  });

  it("refuses numeric query parameters that aren't numbers", async () => {
    const problems = [];
    for (const route of authenticated()) {
      for (const param of route.op.parameters ?? []) {
        if (param.in !== "query" || !["integer", "number"].includes(param.schema.type ?? "")) continue;
        const request = { url: `${url(route)}?${param.name}=abc`, headers: auth };
        problems.push(...(await refusal(route, request, [400], [param.name])));
      }
    }
    expect(problems).toEqual([]);
  });

  it("answers an unknown route in the same shape", async () => {
    const res = await app.inject({ method: "GET", url: "/api/no-such-route", headers: auth });
    expect(res.statusCode).toBe(404);
    expect(errorShape.parse(res.json())).toMatchObject({ error: "not_found" });
    // Only a browser's GET of a dashboard address gets the 404 page; any other method gets JSON, and so does
    // a body refused before the 404.
    const posted = await app.inject({ method: "POST", url: "/no-such-page", headers: auth, payload: { a: 1 } });
    expect([posted.statusCode, errorShape.parse(posted.json()).error]).toEqual([404, "not_found"]);
    const broken = { "content-type": "application/json", ...auth };
    for (const url of ["/api/no-such-route", "/no-such-page"]) {
      const refused = await app.inject({ method: "POST", url, headers: broken, payload: "{not json" });
      expect([refused.statusCode, errorShape.parse(refused.json()).error], url).toEqual([400, "invalid_json"]);
    }
  });

  it("writes messages a person can act on", async () => {
    const env = await app.inject({
      method: "PUT",
      url: `/api/apps/${MISSING.name}/env`,
      headers: auth,
      payload: { vars: { "1BAD": "x" } },
    });
    expect(env.json().fields).toEqual([
      { field: "vars.1BAD", message: "is not a valid key: must be letters, digits and '_', not starting with a digit" },
    ]);
    const scale = await app.inject({
      method: "POST",
      url: `/api/apps/${MISSING.name}/scale`,
      headers: auth,
      payload: { replicas: config.PIER_MAX_REPLICAS + 1 },
    });
    expect(scale.json().fields).toEqual([
      {
        field: "replicas",
        message:
          `must be a whole number from 0 to ${config.PIER_MAX_REPLICAS} ` +
          "(the operator's maximum, PIER_MAX_REPLICAS)",
      },
    ]);
    const query = await app.inject({ method: "GET", url: "/api/audit?limit=0&colour=red", headers: auth });
    expect(query.json().fields).toEqual([
      { field: "limit", message: "must be a whole number from 1 to 1000" },
      { field: "colour", message: "is not a known field" },
    ]);
  });
});
