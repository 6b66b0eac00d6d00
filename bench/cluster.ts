// Single Docker next to a two-node swarm (PIER_RUNTIME=swarm, tests/support/swarm-cluster.ts): deploy latency
// (API call → READY, a build each) and rollback latency (API call → the router serves the other version) for an
// app of 2 replicas; on the swarm, a node stopped under ~100 req/s: failed requests and the time until both
// replicas serve from the node left.
//   npx tsx bench/cluster.ts
import http from "node:http";
import { nodeAppFiles } from "../tests/support/git-repo.ts";
import { SwarmCluster } from "../tests/support/swarm-cluster.ts";
import { pacedLoad } from "./paced-load.ts";
import { benchApp, ms, percentile, type BenchApp } from "./support.ts";

const DEPLOYS = 3;
const ROLLBACKS = 5;
const twoReplicas = (text: string) => ({ ...nodeAppFiles(text), "pier.json": JSON.stringify({ replicas: 2 }) });

function bodyVia(port: number, host: string): Promise<string> {
  return new Promise((resolve) => {
    http
      .get({ host: "127.0.0.1", port, path: "/", headers: { host }, agent: false }, (res) => {
        let body = "";
        res.on("data", (c) => (body += c));
        res.on("end", () => resolve(body));
      })
      .on("error", () => resolve(""));
  });
}

async function until(check: () => Promise<boolean>, what: string, timeoutMs = 180_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function latencies(app: BenchApp): Promise<{ deploys: number[]; rollbacks: number[] }> {
  const deploys: number[] = [];
  for (let i = 0; i < DEPLOYS; i++) {
    const started = performance.now();
    await app.deploy(`version ${i}`);
    deploys.push(performance.now() - started);
  }
  const rollbacks: number[] = [];
  let expected = `version ${DEPLOYS - 2}\n`;
  for (let i = 0; i < ROLLBACKS; i++) {
    const started = performance.now();
    const res = await app.platform.api.inject({
      method: "POST",
      url: `/api/apps/${app.name}/rollback`,
      headers: app.platform.auth,
    });
    if (res.statusCode !== 200) throw new Error(`rollback ${i + 1}: ${res.body}`);
    await until(async () => (await bodyVia(app.platform.routerPort, app.host)) === expected, "the rollback served");
    rollbacks.push(performance.now() - started);
    expected = expected === `version ${DEPLOYS - 2}\n` ? `version ${DEPLOYS - 1}\n` : `version ${DEPLOYS - 2}\n`;
  }
  return { deploys, rollbacks };
}

const row = (runtime: string, figures: { deploys: number[]; rollbacks: number[] }) =>
  `| ${runtime} | ${ms(percentile(figures.deploys, 50))} | ${ms(Math.max(...figures.deploys))} | ` +
  `${ms(percentile(figures.rollbacks, 50))} | ${ms(Math.max(...figures.rollbacks))} |`;

const docker = await benchApp({}, twoReplicas);
let dockerFigures: { deploys: number[]; rollbacks: number[] };
try {
  dockerFigures = await latencies(docker);
} finally {
  await docker.close();
}

const cluster = await SwarmCluster.create();
try {
  await cluster.loadImage("pier-local/node:24-bookworm-slim", 0);
  const swarm = await benchApp(
    {
      PIER_RUNTIME: "swarm",
      PIER_DOCKER_SOCKET: cluster.manager.socketPath,
      PIER_REGISTRY: `${cluster.registry}/pier`,
      PIER_REGISTRY_INSECURE: "1",
    },
    twoReplicas,
  );
  try {
    const swarmFigures = await latencies(swarm);
    console.log(`\nDeploy (a build each, ${DEPLOYS}) and rollback (${ROLLBACKS}) latency, an app of 2 replicas`);
    console.log("| runtime | deploy p50 | deploy max | rollback p50 | rollback max |");
    console.log("|---|---|---|---|---|");
    console.log(row("single Docker", dockerFigures));
    console.log(row("swarm, 2 nodes", swarmFigures));

    const load = pacedLoad(swarm.platform.routerPort, swarm.host, { ratePerSecond: 100, maxMs: 240_000 });
    const started = performance.now();
    await cluster.nodes[1]!.stop();
    const manager = (await swarm.platform.runtime.listNodes()).find((n) => n.name === cluster.manager.name)!;
    const live = await swarm.platform.prisma.app.findUniqueOrThrow({ where: { name: swarm.name } });
    await until(async () => {
      const running = await swarm.platform.runtime.listContainers({
        "pier.deployment": live.productionDeploymentId!,
      });
      return running.filter((c) => c.running && c.node === manager.id).length === 2;
    }, "production's 2 replicas on the node left");
    const recovered = performance.now() - started;
    const traffic = await load.stop();
    console.log("\nA node stopped (dockerd SIGTERM) under ~100 req/s");
    console.log("| replicas on the node left after | requests | failed |");
    console.log("|---|---|---|");
    const failures = traffic.failed ? JSON.stringify(traffic.failures) : "";
    console.log(`| ${ms(recovered)} | ${traffic.sent} | ${traffic.failed} ${failures} |`);
  } finally {
    await swarm.close();
  }
} finally {
  await cluster.remove();
}
process.exit(0);
