// `npm run lint:openapi`: lints the API's OpenAPI document (what /docs/json serves) with Redocly's recommended
// rules, stricter where a reader of the document needs it: every operation has an operationId, a description, a
// declared tag and an error response. apps/api/test/openapi.test.ts runs the same check, so `npm test` does too.
// Like `npm run cli:types`, it needs the Redis of `npm start` (or REDIS_URL).
import { createConfig, lintFromString, type NormalizedProblem } from "@redocly/openapi-core";
import { pathToFileURL } from "node:url";
import { openApiDocument } from "./cli-types.ts";

const RULES = {
  "operation-operationId": "error",
  "operation-operationId-unique": "error",
  "operation-operationId-url-safe": "error",
  "operation-description": "error",
  "operation-summary": "error",
  "operation-tag-defined": "error",
  "operation-4xx-response": "error",
  "tag-description": "error",
  // Every example matches its schema, with no property the schema doesn't have.
  "no-invalid-media-type-examples": { severity: "error", allowAdditionalProperties: false },
  // Pier is self-hosted: the document describes whichever server serves it, and it has no license of its own.
  "no-empty-servers": "off",
  "info-license": "off",
  "info-license-url": "off",
  // /healthz, /schemas/pier.json and /docs need no token; GitHub's webhook is signed instead.
  "security-defined": "off",
} as const;

// Findings that are right in general and wrong here, by rule and place: public reads that can't answer a 4xx.
const EXEMPT = new Set([
  "operation-4xx-response #/paths/~1healthz/get/responses",
  "operation-4xx-response #/paths/~1schemas~1pier.json/get/responses",
]);
const isExempt = (problem: NormalizedProblem) => EXEMPT.has(`${problem.ruleId} ${problem.location[0]?.pointer}`);

/** Redocly's findings about `document`, worst first; errors fail the check, warnings are shown. */
export async function openApiProblems(document: object): Promise<NormalizedProblem[]> {
  const config = await createConfig({ extends: ["recommended"], rules: RULES });
  const found = await lintFromString({ source: JSON.stringify(document), absoluteRef: "/openapi.json", config });
  const problems = found.filter((problem) => !isExempt(problem));
  return problems.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1));
}

/** One line per problem: its severity, rule, where and what. */
export const describeProblem = (problem: NormalizedProblem) =>
  `${problem.severity} ${problem.ruleId} at ${problem.location[0]?.pointer ?? "?"}: ${problem.message}`;

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const problems = await openApiProblems(await openApiDocument());
  for (const problem of problems) console.log(describeProblem(problem));
  const errors = problems.filter((p) => p.severity === "error").length;
  console.log(`OpenAPI lint: ${errors} error(s), ${problems.length - errors} warning(s)`);
  process.exit(errors > 0 ? 1 : 0);
}
