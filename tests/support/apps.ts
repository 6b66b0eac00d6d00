import { randomBytes } from "node:crypto";
import { expect } from "vitest";
import { waitForStatus, type DeploymentView } from "./deployments.ts";
import { createTestRepo, type RepoFile, type TestRepo } from "./git-repo.ts";
import type { Platform } from "./platform.ts";

/**
 * Creates apps from local repos for one test file and remembers them; `cleanup()` deletes them all.
 * Names get `prefix` and a random suffix so files running side by side never collide.
 */
export function testApps(platform: () => Platform, prefix: string) {
  const cleanups: Array<() => Promise<unknown>> = [];
  return {
    async create(
      files: Record<string, RepoFile>,
      settings: Record<string, unknown> = {},
    ): Promise<{ name: string; repo: TestRepo }> {
      const name = `${prefix}-${randomBytes(3).toString("hex")}`;
      const repo = await createTestRepo(files);
      cleanups.push(
        () => repo.remove(),
        () => platform().api.inject({ method: "DELETE", url: `/api/apps/${name}`, headers: platform().auth }),
      );
      const res = await platform().api.inject({
        method: "POST",
        url: "/api/apps",
        headers: platform().auth,
        payload: { name, repoUrl: repo.url, ...settings },
      });
      expect(res.statusCode).toBe(201);
      return { name, repo };
    },
    /** POST /deploy and wait until the deployment ends. */
    async deploy(name: string, timeoutMs?: number): Promise<DeploymentView> {
      const res = await platform().api.inject({
        method: "POST",
        url: `/api/apps/${name}/deploy`,
        headers: platform().auth,
      });
      expect(res.statusCode).toBe(202);
      return waitForStatus(platform().api, platform().auth, res.json().id, undefined, timeoutMs);
    },
    async cleanup() {
      for (const cleanup of cleanups.splice(0)) await cleanup();
    },
  };
}
