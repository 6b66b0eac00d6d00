import { describe, expect, it } from "vitest";
import { parsePierJson, pierJsonJsonSchema } from "../src/pier-json.ts";

describe("pier.json", () => {
  it("accepts every documented key", () => {
    const config = {
      build: "npm run build",
      start: "node .",
      install: "npm ci",
      port: 8080,
      healthCheck: { path: "/up", timeoutSeconds: 30 },
      env: { A: "1" },
      resources: { memory: 256, cpus: 0.5 },
      test: "npm test",
    };
    expect(parsePierJson(JSON.stringify(config))).toEqual({ ok: true, config });
  });
  it.each([
    ['{"port": 0}', 'field "port"'],
    ['{"healthCheck": {"path": "up"}}', 'field "healthCheck.path": must be a path'],
    ['{"env": {"1X": "a"}}', 'field "env.1X"'],
    ['{"resources": {"gpus": 1}}', 'field "resources.gpus": not a pier.json setting'],
    ['{"start": ""}', 'field "start": must not be empty'],
    ["{nope", "not valid JSON"],
    ["[]", 'field "(root)"'],
  ])("rejects %s naming %s", (text, message) => {
    const result = parsePierJson(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.join("; ")).toContain(message);
  });
  it("publishes a JSON Schema", () => {
    const schema = pierJsonJsonSchema();
    expect(schema).toMatchObject({ type: "object", additionalProperties: false });
  });
});
