// Push-to-READY time for a Node app with no dependencies: first build and cached rebuild through
// Pier (signed webhook → READY → first 2xx through the router), next to the same work done by hand
// (docker build + docker run + first 2xx), in the same run. All traffic stays on 127.0.0.1.
//
//   npx tsx bench/push-to-ready.ts [rounds=3]
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createTestRepo, nodeAppFiles } from "../tests/support/git-repo.ts";
import { deliveryHeaders, pushPayload } from "../tests/support/github.ts";
import { getViaRouter } from "../tests/support/http.ts";
import { waitForStatus } from "../tests/support/deployments.ts";
import { startPlatform, testConfig } from "../tests/support/platform.ts";
import { DEPLOYMENT_PHASES, type DeploymentPhase, type PhaseTimings } from "@pier/shared";

const rounds = Number(process.argv[2] ?? 3);
const baseImage = process.env.PIER_TEST_NODE_IMAGE ?? "pier-local/node:24-bookworm-slim";
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

async function untilOk(check: () => Promise<boolean>, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error("timed out");
}

interface PierRound {
  first: number;
  cached: number;
  /** A third push right after the second: it used to wait behind the second one's drain. */
  third: number;
  phases: { first: PhaseTimings; cached: PhaseTimings; third: PhaseTimings };
}

async function viaPier(): Promise<PierRound> {
  const platform = await startPlatform(testConfig({ LOG_LEVEL: "error", PIER_DRAIN_MS: "2000" }));
  const name = `bench-${randomBytes(3).toString("hex")}`;
  // Unique package.json content: the first build can't reuse another run's layers.
  const files = nodeAppFiles(`bench v1 ${name}`);
  files["package.json"] = JSON.stringify({ name, version: "1.0.0", scripts: { start: "node server.js" } });
  const repo = await createTestRepo(files);
  try {
    const created = await platform.api.inject({
      method: "POST",
      url: "/api/apps",
      headers: platform.auth,
      payload: { name, repoUrl: repo.url },
    });
    const secret = created.json().webhookSecret as string;
    const pushAndWait = async (sha: string, expected: string) => {
      const started = performance.now();
      const body = JSON.stringify(pushPayload({ branch: "main", sha }));
      const res = await platform.api.inject({
        method: "POST",
        url: `/webhooks/github/${name}`,
        headers: deliveryHeaders("push", secret, body),
        payload: body,
      });
      const deployment = await waitForStatus(
        platform.api,
        platform.auth,
        res.json().deploymentId,
        ["READY", "FAILED"],
        120_000,
        10,
      );
      if (deployment.status !== "READY") throw new Error(`deploy failed: ${deployment.reason}`);
      await untilOk(async () =>
        (await getViaRouter(platform.routerPort, `${name}.localhost`)).body.startsWith(expected),
      );
      const elapsed = performance.now() - started;
      const view = (
        await platform.api.inject({ method: "GET", url: `/api/deployments/${deployment.id}`, headers: platform.auth })
      ).json();
      return { elapsed, phases: view.phases as PhaseTimings };
    };
    const first = await pushAndWait(repo.sha, "bench v1");
    const sha2 = await repo.commit({ "server.js": nodeAppFiles(`bench v2 ${name}`)["server.js"] ?? "" }, "change text");
    const cached = await pushAndWait(sha2, "bench v2");
    const sha3 = await repo.commit(
      { "server.js": nodeAppFiles(`bench v3 ${name}`)["server.js"] ?? "" },
      "change text again",
    );
    const third = await pushAndWait(sha3, "bench v3");
    return {
      first: first.elapsed,
      cached: cached.elapsed,
      third: third.elapsed,
      phases: { first: first.phases, cached: cached.phases, third: third.phases },
    };
  } finally {
    await platform.api.inject({ method: "DELETE", url: `/api/apps/${name}`, headers: platform.auth });
    await platform.close();
    await repo.remove();
  }
}

/** The same app, by hand: a Dockerfile like Pier's, docker build, docker run, poll until 2xx. */
async function byHand(): Promise<{ first: number; cached: number }> {
  const dir = await mkdtemp(path.join(tmpdir(), "pier-bench-hand-"));
  const tag = `pier-bench-hand:${randomBytes(3).toString("hex")}`;
  const files = nodeAppFiles(`hand v1 ${tag}`);
  files["package.json"] = JSON.stringify({
    name: "hand",
    version: tag.split(":")[1],
    scripts: { start: "node server.js" },
  });
  files.Dockerfile =
    `FROM ${baseImage}\nWORKDIR /app\nCOPY package.json ./\nRUN npm install\nCOPY . .\n` +
    `ENV PORT=3000\nEXPOSE 3000\nUSER node\nCMD ["npm", "run", "start"]\n`;
  const once = async (text: string) => {
    for (const [f, c] of Object.entries({ ...files, "server.js": nodeAppFiles(text)["server.js"] ?? "" }))
      await writeFile(path.join(dir, f), c);
    const started = performance.now();
    execFileSync("docker", ["build", "-q", "-t", tag, dir], { stdio: ["ignore", "ignore", "inherit"] });
    const id = execFileSync("docker", ["run", "-d", "-p", "127.0.0.1::3000", tag], { encoding: "utf8" }).trim();
    const port = Number(
      execFileSync("docker", ["port", id, "3000/tcp"], { encoding: "utf8" }).trim().split("\n")[0]?.split(":").pop(),
    );
    await untilOk(async () => (await fetch(`http://127.0.0.1:${port}/`)).ok);
    const elapsed = performance.now() - started;
    execFileSync("docker", ["rm", "-f", id], { stdio: "ignore" });
    return elapsed;
  };
  try {
    const first = await once("hand v1");
    const cached = await once("hand v2");
    return { first, cached };
  } finally {
    execFileSync("docker", ["rmi", "-f", tag], { stdio: "ignore" });
    await rm(dir, { recursive: true, force: true });
  }
}

const pier: PierRound[] = [];
const hand: Array<{ first: number; cached: number }> = [];
for (let i = 0; i < rounds; i++) {
  pier.push(await viaPier());
  hand.push(await byHand());
}
const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
console.log(`\nPush-to-READY (first 2xx), Node app without dependencies, median of ${rounds} interleaved rounds`);
console.log("| path | first build | cached rebuild |");
console.log("|---|---|---|");
const medianOf = (runs: Array<{ first: number; cached: number }>, key: "first" | "cached") =>
  median(runs.map((r) => r[key]));
console.log(
  `| Pier: signed push → READY → 2xx via router | ${fmt(medianOf(pier, "first"))} | ${fmt(medianOf(pier, "cached"))} |`,
);
console.log(
  `| by hand: docker build + run + 2xx | ${fmt(medianOf(hand, "first"))} | ${fmt(medianOf(hand, "cached"))} |`,
);
const ratio = (key: "first" | "cached") => (medianOf(pier, key) / medianOf(hand, key)).toFixed(2);
console.log(`| ratio Pier / by hand | ${ratio("first")} | ${ratio("cached")} |`);
console.log(`| Pier: third push in a row (cached) | | ${fmt(median(pier.map((r) => r.third)))} |`);
console.log(
  "\nWhere Pier's time goes (median ms per phase, as recorded by the worker; " +
    "the rest is webhook → queue and READY → first 2xx polling)",
);
console.log(`| push | ${DEPLOYMENT_PHASES.join(" | ")} |`);
console.log(`|---|${DEPLOYMENT_PHASES.map(() => "---").join("|")}|`);
for (const which of ["first", "cached", "third"] as const) {
  const cell = (phase: DeploymentPhase) => {
    const values = pier.map((r) => r.phases[which][phase]).filter((v): v is number => v !== undefined);
    return values.length ? String(median(values)) : "–";
  };
  console.log(`| ${which} | ${DEPLOYMENT_PHASES.map(cell).join(" | ")} |`);
}
const rawPier = pier.map((r) => `${fmt(r.first)}/${fmt(r.cached)}/${fmt(r.third)}`).join(", ");
const rawHand = hand.map((r) => `${fmt(r.first)}/${fmt(r.cached)}`).join(", ");
console.log(`\nraw Pier: ${rawPier}; raw by hand: ${rawHand}`);
process.exit(0);
