// The static server Pier puts in front of a static site (apps/worker/src/build/static-server), run as the image
// runs it: `node server.mjs <site>` from a copy of its files, on 127.0.0.1. Over `runs` starts: time from spawn
// to the first answer, and from SIGTERM to its exit, idle and with a kept-alive client connection open (the
// engine kills it 10 s after SIGTERM; apps/worker/test/static-server.test.ts checks it exits 0 well before).
//   npx tsx bench/static-server.ts [runs=10]
import { spawn } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { staticServerFiles } from "../apps/worker/src/build/static-server/files.ts";
import { freePort } from "../tests/support/free-port.ts";
import { ms, percentile } from "./stats.ts";

const RUNS = Number(process.argv[2] ?? 10);

function get(port: number, agent: http.Agent | false): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: "127.0.0.1", port, path: "/", agent }, (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      })
      .on("error", reject);
  });
}

/** Starts the server; resolves with the time until it answered, and a function that SIGTERMs it and times the exit. */
async function start(installDir: string, siteDir: string) {
  const port = await freePort();
  const spawnedAt = performance.now();
  const child = spawn(process.execPath, [path.join(installDir, "server.mjs"), siteDir], {
    env: { PATH: process.env.PATH ?? "", HOST: "127.0.0.1", PORT: String(port) },
    stdio: "ignore",
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the static server exited with ${child.exitCode}`);
    if (performance.now() - spawnedAt > 30_000) throw new Error("the static server never answered");
    if ((await get(port, false).catch(() => 0)) === 200) break;
    await new Promise((r) => setTimeout(r, 5));
  }
  return {
    port,
    startedMs: performance.now() - spawnedAt,
    async stop(): Promise<number> {
      const at = performance.now();
      child.kill("SIGTERM");
      const code = await exited;
      if (code !== 0) throw new Error(`the static server exited with ${code} on SIGTERM`);
      return performance.now() - at;
    },
  };
}

const tmp = await mkdtemp(path.join(tmpdir(), "pier-bench-static-"));
try {
  const installDir = path.join(tmp, "install");
  const siteDir = path.join(tmp, "site");
  for (const [rel, content] of await staticServerFiles()) {
    await mkdir(path.dirname(path.join(installDir, rel)), { recursive: true });
    await writeFile(path.join(installDir, rel), content);
  }
  await mkdir(siteDir);
  await writeFile(path.join(siteDir, "index.html"), "<!doctype html><title>bench</title>");

  const started: number[] = [];
  const idleStops: number[] = [];
  const keptAliveStops: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const idle = await start(installDir, siteDir);
    started.push(idle.startedMs);
    idleStops.push(await idle.stop());

    const withClient = await start(installDir, siteDir);
    started.push(withClient.startedMs);
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    await get(withClient.port, agent); // leaves one idle kept-alive connection open
    keptAliveStops.push(await withClient.stop());
    agent.destroy();
  }
  console.log(`\nStatic server (node server.mjs), ${RUNS} runs each`);
  console.log("| | p50 | max |");
  console.log("|---|---|---|");
  const row = (label: string, xs: number[]) =>
    console.log(`| ${label} | ${ms(percentile(xs, 50))} | ${ms(Math.max(...xs))} |`);
  row("spawn → first 200", started);
  row("SIGTERM → exit 0, idle", idleStops);
  row("SIGTERM → exit 0, a kept-alive connection open", keptAliveStops);
} finally {
  await rm(tmp, { recursive: true, force: true });
}
process.exit(0);
