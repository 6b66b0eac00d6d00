// Real framework projects (tests/fixtures) through Pier: push-to-live for a cold build and for a one-line
// change (build caches restored), and the image size; for Next.js, next to the by-hand floor in the same run:
// `next build` in a warm checkout (node_modules and .next/cache present), then `next start` to the first 2xx,
// on the same Node image Pier builds on. All traffic stays on 127.0.0.1.
//
//   npx tsx bench/framework-builds.ts [next|shapes|all] [fixture …]
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { waitForStatus } from "../tests/support/deployments.ts";
import { fixtureFiles } from "../tests/support/fixtures.ts";
import { createTestRepo } from "../tests/support/git-repo.ts";
import { getViaRouter } from "../tests/support/http.ts";
import { startPlatform, testConfig, type Platform } from "../tests/support/platform.ts";

const [mode = "all", ...only] = process.argv.slice(2);
const nodeImage = process.env.PIER_TEST_NODE_IMAGE ?? "pier-local/node:24-bookworm-slim";
const CA_FILE = process.env.PIER_BUILD_CA_FILE ?? "/etc/ssl/certs/ca-certificates.crt";
const fmt = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

interface Shape {
  fixture: string;
  rootDir?: string;
  /** The file a one-line change edits, and how (from the app's root directory). */
  edit: { file: string; from: string | RegExp; to: (run: string) => string };
}

const SHAPES: Shape[] = [
  {
    fixture: "nextjs-commented-export",
    edit: {
      file: "app/page.tsx",
      from: /<main className=\{styles\.main\}>/,
      to: (r) => `<main className={styles.main}><p>${r}</p>`,
    },
  },
  { fixture: "vite-pnpm-workspace", edit: { file: "src/App.tsx", from: "<h1>", to: (r) => `<h1>${r} ` } },
  { fixture: "nuxt", edit: { file: "app/app.vue", from: "<div>", to: (r) => `<div><p>${r}</p>` } },
  { fixture: "astro-static", edit: { file: "src/pages/index.astro", from: "<h1>", to: (r) => `<h1>${r} ` } },
  { fixture: "astro-ssr", edit: { file: "src/pages/index.astro", from: "<h1>", to: (r) => `<h1>${r} ` } },
  { fixture: "sveltekit-node", edit: { file: "src/routes/+page.svelte", from: "<h1>", to: (r) => `<h1>${r} ` } },
  {
    fixture: "react-router",
    edit: {
      file: "app/routes/home.tsx",
      from: "return <Welcome",
      to: (r) => `console.log("${r}");\n  return <Welcome`,
    },
  },
  {
    fixture: "npm-workspaces-monorepo",
    rootDir: "apps/api",
    edit: { file: "apps/api/src/index.ts", from: "res.json({", to: (r) => `res.json({ run: "${r}",` },
  },
  // Not gatsby: its sharp 0.32 downloads libvips from GitHub in an install script, which this machine can't reach.
];

interface Measured {
  fixture: string;
  cold: number;
  cached: number;
  coldBuild: number;
  cachedBuild: number;
  imageMb: number;
  restored: string;
}

async function untilOk(url: () => Promise<boolean>, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await url().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("no 2xx in time");
}

function edited(files: Record<string, Buffer>, shape: Shape, run: string): Record<string, Buffer> {
  const text = files[shape.edit.file]?.toString("utf8");
  if (text === undefined) throw new Error(`${shape.fixture}: no ${shape.edit.file}`);
  const changed = text.replace(shape.edit.from, shape.edit.to(run));
  if (changed === text) throw new Error(`${shape.fixture}: the edit of ${shape.edit.file} changed nothing`);
  return { [shape.edit.file]: Buffer.from(changed) };
}

/** Cold: a package.json no build has seen (its install runs from nothing); cached: a one-line change after it. */
async function throughPier(platform: Platform, shape: Shape): Promise<Measured> {
  const run = randomBytes(3).toString("hex");
  const files = await fixtureFiles(shape.fixture);
  const manifest = path.posix.join(shape.rootDir ?? "", "package.json");
  const pkg = JSON.parse(files[manifest]!.toString("utf8")) as Record<string, unknown>;
  files[manifest] = Buffer.from(JSON.stringify({ ...pkg, description: `bench ${run}` }, null, 2));
  const repo = await createTestRepo(files);
  const name = `fb-${run}`;
  const created = await platform.api.inject({
    method: "POST",
    url: "/api/apps",
    headers: platform.auth,
    payload: { name, repoUrl: repo.url, ...(shape.rootDir ? { rootDir: shape.rootDir } : {}) },
  });
  if (created.statusCode !== 201) throw new Error(created.body);
  const deploy = async () => {
    const started = performance.now();
    const res = await platform.api.inject({ method: "POST", url: `/api/apps/${name}/deploy`, headers: platform.auth });
    const deployment = await waitForStatus(
      platform.api,
      platform.auth,
      res.json().id,
      ["READY", "FAILED"],
      900_000,
      50,
    );
    if (deployment.status !== "READY") throw new Error(`${shape.fixture}: ${deployment.reason}`);
    await untilOk(async () => (await getViaRouter(platform.routerPort, `${name}.localhost`)).status < 300);
    const view = (
      await platform.api.inject({ method: "GET", url: `/api/deployments/${deployment.id}`, headers: platform.auth })
    ).json();
    const logs = (
      await platform.api.inject({
        method: "GET",
        url: `/api/deployments/${deployment.id}/logs`,
        headers: platform.auth,
      })
    ).json();
    const lines = logs.lines as Array<{ line: string; at: string }>;
    const restored = lines.find((l) => l.line.startsWith("Build cache:"))?.line ?? "";
    // PIER_BENCH_TRACE=1: the deploy log with each line's time since the push, to see where the time goes.
    if (process.env.PIER_BENCH_TRACE === "1")
      for (const l of lines)
        console.log(`${((Date.parse(l.at) - Date.now() + performance.now() - started) / 1000).toFixed(2)} ${l.line}`);
    return {
      elapsed: performance.now() - started,
      build: view.phases.build as number,
      imageId: view.imageTag as string | null,
      restored,
    };
  };
  try {
    const cold = await deploy();
    await repo.commit(edited(files, shape, run), "one-line change");
    const cached = await deploy();
    const size = cached.imageId
      ? Number(execFileSync("docker", ["image", "inspect", "-f", "{{.Size}}", cached.imageId], { encoding: "utf8" }))
      : NaN;
    return {
      fixture: shape.fixture,
      cold: cold.elapsed,
      cached: cached.elapsed,
      coldBuild: cold.build,
      cachedBuild: cached.build,
      imageMb: size / 1e6,
      restored: cached.restored,
    };
  } finally {
    await platform.api.inject({ method: "DELETE", url: `/api/apps/${name}`, headers: platform.auth });
    await repo.remove();
  }
}

/** The floor for Next.js: a warm checkout (node_modules, .next/cache), `next build`, `next start`, first 2xx. */
async function nextByHand(): Promise<{ warm: number }> {
  const dir = await mkdtemp(path.join(tmpdir(), "pier-bench-next-"));
  const fixture = fileURLToPath(new URL("../tests/fixtures/nextjs-commented-export/", import.meta.url));
  await cp(fixture, dir, { recursive: true });
  const docker = (args: string[]) =>
    execFileSync("docker", args, { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] }).trim();
  // The CA bundle Pier's builds trust too (installs behind a TLS-intercepting proxy).
  const ca = existsSync(CA_FILE)
    ? [
        "-v",
        `${CA_FILE}:/etc/pier-ca.crt:ro`,
        "-e",
        "NODE_EXTRA_CA_CERTS=/etc/pier-ca.crt",
        "-e",
        "npm_config_cafile=/etc/pier-ca.crt",
      ]
    : [];
  const inNode = (command: string) =>
    docker([
      "run",
      "--rm",
      "-v",
      `${dir}:/app`,
      "-w",
      "/app",
      "-e",
      "NEXT_TELEMETRY_DISABLED=1",
      ...ca,
      nodeImage,
      "sh",
      "-c",
      command,
    ]);
  try {
    inNode("npm ci --no-audit --no-fund && npx next build"); // the warm-up: node_modules and .next/cache
    const page = path.join(dir, "app/page.tsx");
    const text = await readFile(page, "utf8");
    await writeFile(
      page,
      text.replace(/<main className=\{styles\.main\}>/, "<main className={styles.main}><p>by hand</p>"),
    );
    const started = performance.now();
    inNode("npx next build");
    const id = docker([
      "run",
      "-d",
      "-v",
      `${dir}:/app`,
      "-w",
      "/app",
      "-p",
      "127.0.0.1::3000",
      nodeImage,
      "npx",
      "next",
      "start",
    ]);
    try {
      const port = Number(docker(["port", id, "3000/tcp"]).split("\n")[0]?.split(":").pop());
      await untilOk(async () => (await fetch(`http://127.0.0.1:${port}/`)).ok);
      return { warm: performance.now() - started };
    } finally {
      docker(["rm", "-f", id]);
    }
  } finally {
    inNode("rm -rf node_modules .next"); // root-owned files, made in the container
    await rm(dir, { recursive: true, force: true });
  }
}

const platform = await startPlatform(testConfig({ LOG_LEVEL: "error", PIER_DRAIN_MS: "1000" }));
try {
  if (mode === "next" || mode === "all") {
    const pier = await throughPier(platform, SHAPES[0]!);
    const hand = await nextByHand();
    console.log("\nNext.js (create-next-app, 16.5), one-line page change: push-to-live");
    console.log("| path | cold | one-line change |");
    console.log("|---|---|---|");
    console.log(`| Pier: push → READY → 2xx via the router | ${fmt(pier.cold)} | ${fmt(pier.cached)} |`);
    console.log(`| by hand: next build (warm checkout) + next start → 2xx | | ${fmt(hand.warm)} |`);
    console.log(`| ratio | | ${(pier.cached / hand.warm).toFixed(2)} |`);
    console.log(`\n${pier.restored}`);
  }
  if (mode === "shapes" || mode === "all") {
    const rows: Measured[] = [];
    for (const shape of SHAPES.filter((s) => only.length === 0 || only.includes(s.fixture))) {
      try {
        rows.push(await throughPier(platform, shape));
      } catch (error) {
        console.log(`${shape.fixture}: ${(error as Error).message}`);
      }
    }
    console.log("\nEvery shape through Pier: push-to-live (build phase), image size");
    console.log("| fixture | cold | cached (one-line change) | image |");
    console.log("|---|---|---|---|");
    for (const r of rows)
      console.log(
        `| ${r.fixture} | ${fmt(r.cold)} (build ${fmt(r.coldBuild)}) | ` +
          `${fmt(r.cached)} (build ${fmt(r.cachedBuild)}) | ${r.imageMb.toFixed(0)} MB |`,
      );
  }
} finally {
  await platform.close();
}
process.exit(0);
