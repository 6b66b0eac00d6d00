// Autoscaling: reaction to a load step and cold start from zero, on a real Pier (router, controller,
// Docker). A no-dependency Node app whose requests take 50 ms; the load is a closed loop of 30
// connections on 127.0.0.1 (about 30 in flight: 3× a target of 10 per replica), bounded in count and time.
//   1. `steps` times: load on until 3 replicas serve (reaction time), a few seconds more, then off until
//      the app is back at 1 replica (scale-down delay 6 s).
//   2. `colds` times: the app scales to zero (idle 1 s), then one request: time to its 200 (cold start).
// Prints the figures and writes the replicas-vs-load timeline of part 1 as SVG.
//
//   npx tsx bench/autoscale.ts [steps=5] [colds=20] [svg=docs/autoscale-timeline.svg]
import { writeFile } from "node:fs/promises";
import { startTestController } from "../tests/support/controller.ts";
import { getViaRouter } from "../tests/support/http.ts";
import { keepRequesting, type LoadResult } from "../tests/support/load.ts";
import { benchApp, ms, percentile } from "./support.ts";
import { timelineSvg, type TimelineMark, type TimelinePoint } from "./timeline-svg.ts";

const STEPS = Number(process.argv[2] ?? 5);
const COLDS = Number(process.argv[3] ?? 20);
const SVG = process.argv[4] ?? "docs/autoscale-timeline.svg";
const CONNECTIONS = 30;
const ENOUGH = 3;
const MAX = 4;

const slowApp = (text: string) => ({
  "package.json": JSON.stringify({ name: "autoscale-bench", scripts: { start: "node server.js" } }),
  "server.js":
    `require("http").createServer((q, s) => setTimeout(() => s.end(${JSON.stringify(text)}), 50))` +
    `.listen(Number(process.env.PORT));\nprocess.on("SIGTERM", () => process.exit(0));\n`,
});

const app = await benchApp({ PIER_DRAIN_MS: "1000" }, slowApp);
const { platform } = app;
const control = await startTestController(platform, app.name);
const view = async () =>
  (await platform.api.inject({ method: "GET", url: `/api/apps/${app.name}`, headers: platform.auth })).json();
const patch = async (autoscale: unknown) => {
  const res = await platform.api.inject({
    method: "PATCH",
    url: `/api/apps/${app.name}`,
    headers: platform.auth,
    payload: { autoscale },
  });
  if (res.statusCode !== 200) throw new Error(res.body);
};
const until = async (check: () => Promise<boolean>, what: string, timeoutMs = 60_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
};

const failures: LoadResult[] = [];
let requests = 0;
try {
  await app.deploy("scaled");
  // Part 1: load steps, with a timeline sampled every 250 ms.
  await patch({ min: 1, max: MAX, targetConcurrency: 10, scaleDownDelaySeconds: 6 });
  const start = Date.now();
  const points: TimelinePoint[] = [];
  const marks: TimelineMark[] = [];
  // Set by the steps below, read by the sampler (a cast: TypeScript would narrow a plain null to never there).
  let load = null as ReturnType<typeof keepRequesting> | null;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      const replicas = (await view()).replicas;
      points.push({
        t: (Date.now() - start) / 1000,
        load: load?.result.inFlight ?? 0,
        desired: replicas.desired,
        serving: replicas.running,
      });
      await new Promise((r) => setTimeout(r, 250));
    }
  })();
  const reactions: number[] = [];
  for (let step = 0; step < STEPS; step++) {
    await until(
      async () => (await view()).replicas.desired === 1 && (await view()).replicas.running === 1,
      "back at 1 replica",
    );
    await new Promise((r) => setTimeout(r, 2_000));
    load = keepRequesting(platform.routerPort, app.host, {
      concurrency: CONNECTIONS,
      pauseMs: 0,
      maxRequests: 50_000,
      maxMs: 40_000,
    });
    const stepAt = Date.now();
    marks.push({ t: (stepAt - start) / 1000, label: `load step ${step + 1}: ${CONNECTIONS} connections` });
    await until(async () => (await view()).replicas.running >= ENOUGH, `${ENOUGH} replicas serving`, 40_000);
    reactions.push(Date.now() - stepAt);
    await new Promise((r) => setTimeout(r, 4_000));
    const result = await load.stop();
    load = null;
    marks.push({ t: (Date.now() - start) / 1000, label: `load off (${result.ok} ok, ${result.failed} failed)` });
    requests += result.ok + result.failed;
    failures.push(result);
  }
  await until(async () => (await view()).replicas.running === 1, "back at 1 replica", 60_000);
  sampling = false;
  const decided = (
    await platform.api.inject({
      method: "GET",
      url: `/api/apps/${app.name}/autoscale?limit=100`,
      headers: platform.auth,
    })
  ).json().decisions as Array<{ at: string; from: number; to: number; reason: string }>;
  for (const d of decided.reverse())
    console.log(`  ${((Date.parse(d.at) - start) / 1000).toFixed(1)} s: ${d.from} → ${d.to}: ${d.reason}`);
  console.log(
    `  load steps at ${marks
      .filter((m) => m.label.startsWith("load step"))
      .map((m) => m.t.toFixed(1))
      .join(", ")} s`,
  );
  await sampler;
  // The sampler may have stopped just before the last scale-down showed: end the timeline where it is.
  const last = (await view()).replicas;
  points.push({ t: (Date.now() - start) / 1000, load: 0, desired: last.desired, serving: last.running });
  await writeFile(
    SVG,
    timelineSvg(
      `Pier autoscaling: ${STEPS} load steps of ${CONNECTIONS} connections ` +
        `(target 10 in flight per replica, max ${MAX}, scale-down delay 6 s)`,
      points,
      marks,
      MAX,
    ),
  );

  // Part 2: cold starts from zero.
  await patch({ min: 0, max: 2, targetConcurrency: 10, scaleDownDelaySeconds: 0, idleTimeoutSeconds: 1 });
  const colds: number[] = [];
  let coldFailed = 0;
  for (let i = 0; i < COLDS; i++) {
    await until(
      async () =>
        (await platform.runtime.listContainers({ "pier.app": app.name })).length === 0 &&
        (await view()).replicas.desired === 0,
      "scaled to zero",
    );
    const sentAt = Date.now();
    const res = await getViaRouter(platform.routerPort, app.host, "/", 30_000);
    colds.push(Date.now() - sentAt);
    requests++;
    if (res.status !== 200) coldFailed++;
  }
  const failed = failures.reduce((n, r) => n + r.failed, 0) + coldFailed;
  console.log(
    `\nAutoscaling (${STEPS} load steps of ${CONNECTIONS} connections to a 50 ms app, ` +
      `target 10 in flight per replica; ${COLDS} cold starts)`,
  );
  console.log("| | p50 | max / p99 |");
  console.log("|---|---|---|");
  console.log(
    `| load step → ${ENOUGH} replicas serving | ${ms(percentile(reactions, 50))} | ` +
      `${ms(Math.max(...reactions))} (max) |`,
  );
  console.log(
    `| cold start: request → 200 from zero | ${ms(percentile(colds, 50))} | ${ms(percentile(colds, 99))} (p99) |`,
  );
  const failedDetail = failed ? ` ${JSON.stringify(failures.map((f) => f.failures))}` : "";
  console.log(`requests over the run: ${requests}, failed: ${failed}${failedDetail}`);
  console.log(`reactions ms: ${reactions.join(", ")}; cold starts ms: ${colds.join(", ")}`);
  console.log(`timeline: ${SVG}`);
} finally {
  await control.close();
  await app.close();
}
process.exit(0);
