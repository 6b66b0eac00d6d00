import { runPierProcess } from "@pier/shared";
import { buildApp } from "./build-app.ts";

await runPierProcess("pier-api", async ({ config }) => {
  const app = await buildApp(config);
  await app.listen({ host: config.PIER_API_HOST, port: config.PIER_API_PORT });
  return { info: { host: config.PIER_API_HOST, port: config.PIER_API_PORT }, close: () => app.close() };
});
