// `npm run cli:types`: writes apps/cli/src/generated/api.ts, the CLI's types of the API, from the OpenAPI
// document the API serves at /docs/json. Builds the API without listening. It needs the Redis of `npm start` (or
// REDIS_URL): the API's queues connect to it and closing waits for them. Postgres is never asked anything.
import { writeFile } from "node:fs/promises";
import { fileURLToPath, pathToFileURL } from "node:url";
import { buildApp } from "@pier/api";
import { loadConfig } from "@pier/shared";
import openapiTS, { astToString, type OpenAPI3 } from "openapi-typescript";

export const CLI_TYPES_FILE = fileURLToPath(new URL("../apps/cli/src/generated/api.ts", import.meta.url));

const HEADER = `/**
 * Generated from the Pier API's OpenAPI document (GET /docs/json) by scripts/cli-types.ts: do not edit.
 * Regenerate after changing an API route's schema: npm run cli:types
 */

`;

/** The API's OpenAPI document, the same whatever the environment: only the connections come from it. */
export async function openApiDocument(): Promise<OpenAPI3> {
  const config = loadConfig({
    DATABASE_URL: process.env.DATABASE_URL,
    REDIS_URL: process.env.REDIS_URL,
    LOG_LEVEL: "silent",
  });
  const app = await buildApp(config, { logger: false });
  try {
    return app.swagger() as OpenAPI3;
  } finally {
    await app.close();
  }
}

/** The text of apps/cli/src/generated/api.ts as the API's routes describe it now. */
export async function cliTypesSource(): Promise<string> {
  const nodes = await openapiTS(await openApiDocument(), { silent: true });
  return HEADER + astToString(nodes);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await writeFile(CLI_TYPES_FILE, await cliTypesSource());
  console.log(`wrote ${CLI_TYPES_FILE}`);
}
