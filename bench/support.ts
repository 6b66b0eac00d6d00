// Shared by the benchmarks: a deployed app on a real in-process Pier, and the statistics helpers of stats.ts.
import { randomBytes } from "node:crypto";
import { createTestRepo, nodeAppFiles } from "../tests/support/git-repo.ts";
import { waitForStatus } from "../tests/support/deployments.ts";
import { startPlatform, testConfig, type Platform } from "../tests/support/platform.ts";

export { ms, percentile } from "./stats.ts";

export interface BenchApp {
  platform: Platform;
  name: string;
  host: string;
  /** Commits `text` as the app's response and deploys it; resolves when READY. */
  deploy(text: string): Promise<{ id: string; shortId: string }>;
  close(): Promise<void>;
}

export async function benchApp(
  overrides: Record<string, string> = {},
  files: (text: string) => Record<string, string> = nodeAppFiles,
): Promise<BenchApp> {
  const platform = await startPlatform(testConfig({ LOG_LEVEL: "error", PIER_DRAIN_MS: "1000", ...overrides }));
  const name = `bench-${randomBytes(3).toString("hex")}`;
  const repo = await createTestRepo(files("v0"));
  const created = await platform.api.inject({
    method: "POST",
    url: "/api/apps",
    headers: platform.auth,
    payload: { name, repoUrl: repo.url },
  });
  if (created.statusCode !== 201) throw new Error(created.body);
  return {
    platform,
    name,
    host: `${name}.localhost`,
    async deploy(text) {
      await repo.commit(files(text), text);
      const res = await platform.api.inject({
        method: "POST",
        url: `/api/apps/${name}/deploy`,
        headers: platform.auth,
      });
      const deployment = await waitForStatus(platform.api, platform.auth, res.json().id, ["READY", "FAILED"], 120_000);
      if (deployment.status !== "READY") throw new Error(`deploy failed: ${deployment.reason}`);
      return { id: deployment.id, shortId: deployment.shortId };
    },
    async close() {
      await platform.api.inject({ method: "DELETE", url: `/api/apps/${name}`, headers: platform.auth });
      await platform.close();
      await repo.remove();
    },
  };
}
