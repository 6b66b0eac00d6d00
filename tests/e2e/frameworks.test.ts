import { execFileSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testApps } from "../support/apps.ts";
import { logText } from "../support/deployments.ts";
import { fixtureFiles } from "../support/fixtures.ts";
import { getViaRouter } from "../support/http.ts";
import { startPlatform, type Platform } from "../support/platform.ts";

// Real framework projects (tests/fixtures, each with its real lockfile), pushed unchanged: the framework's
// own build runs, and Pier serves what it wrote. Installs come from the npm registry, so each takes minutes.
const BUILD_MS = 600_000;

interface Shape {
  fixture: string;
  settings?: Record<string, unknown>;
  /** What the log's "Serving:" line says. */
  serving: string;
  /** What GET / answers with. */
  body: string;
  /** Files the app's user must be able to write in the running container (caches the server writes). */
  writable?: string[];
}

const SHAPES: Shape[] = [
  {
    fixture: "nextjs-commented-export",
    serving: 'Serving: Next.js resolved output: the default (a server): its start script ("next start")',
    body: "<html",
    // next start writes its cache and revalidated pages into the build folder.
    writable: [".next/cache/pier-probe", ".next/server/pier-probe"],
  },
  { fixture: "vite-pnpm-workspace", serving: "Serving: Vite static build", body: "<title>vite-pnpm-workspace</title>" },
  {
    fixture: "nuxt",
    serving: 'Serving: Nitro preset "node-server" (.output/nitro.json): .output/server/index.mjs',
    body: "<html",
  },
  { fixture: "astro-static", serving: "Serving: Astro static build (no start script): dist/", body: "<h1>Astro" },
  {
    fixture: "astro-ssr",
    serving: "Serving: the build wrote a server (dist/server/entry.mjs, @astrojs/node)",
    body: "<h1>Astro",
  },
  {
    fixture: "sveltekit-node",
    serving: "Serving: the build wrote a server (build/index.js, adapter-node)",
    body: "Welcome to SvelteKit",
  },
  {
    fixture: "react-router",
    serving: 'Serving: its start script ("react-router-serve ./build/server/index.js")',
    body: "<html",
  },
  {
    fixture: "bun-hono",
    serving: 'Serving: its start script ("bun run src/index.ts"): bun run start',
    body: "Hello Hono!",
  },
  {
    fixture: "npm-workspaces-monorepo",
    settings: { rootDir: "apps/api" },
    serving: 'Serving: its start script ("node dist/index.js")',
    body: "from @acme/greeting",
  },
];

describe("framework projects deploy unchanged, served from what their build wrote", () => {
  let platform: Platform;
  const apps = testApps(() => platform, "fw");

  beforeAll(async () => {
    platform = await startPlatform();
  });
  afterAll(async () => {
    await apps.cleanup();
    await platform.close();
  });

  it.each(SHAPES)(
    "$fixture",
    async ({ fixture, settings, serving, body, writable = [] }) => {
      const { name } = await apps.create(await fixtureFiles(fixture), settings);
      const deployment = await apps.deploy(name, BUILD_MS);
      const log = await logText(platform.api, platform.auth, deployment.id);
      expect(deployment.status, `${deployment.reason}\n${log}`).toBe("READY");
      expect(log).toContain(serving);
      expect(log).not.toContain("[object Object]");
      const page = await getViaRouter(platform.routerPort, `${name}.localhost`);
      expect(page.status).toBe(200);
      expect(page.body).toContain(body);
      const [container] = await platform.runtime.listContainers({ "pier.deployment": deployment.id });
      for (const file of writable) {
        // The image's user (USER), as the app runs; touch fails, and so does the test, if it can't write.
        execFileSync("docker", ["exec", container!.id, "touch", file], { stdio: "pipe" });
      }
    },
    BUILD_MS + 60_000,
  );
});
