import { loadConfig, supervisedProcess } from "@pier/shared";
import { buildApp } from "./build-app.ts";

supervisedProcess("pier-api");
const config = loadConfig();
const app = await buildApp(config);

async function close(signal: string) {
  app.log.info({ signal }, "API stopping");
  await app.close();
  process.exit(0);
}
process.once("SIGINT", () => void close("SIGINT"));
process.once("SIGTERM", () => void close("SIGTERM"));

await app.listen({ host: config.PIER_API_HOST, port: config.PIER_API_PORT });
