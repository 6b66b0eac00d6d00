// Rollback latency (API call → the router serves the other version), p50 and max over 10 rollbacks,
// with ~200 req/s of traffic through the router the whole time; and how many of those requests failed.
//   npx tsx bench/rollback.ts
import http from "node:http";
import { benchApp, ms, percentile } from "./support.ts";
import { pacedLoad } from "./paced-load.ts";

const ROLLBACKS = 10;

function bodyVia(port: number, host: string): Promise<string> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: "127.0.0.1", port, path: "/", headers: { host }, agent: false }, (res) => {
        let body = "";
        res.on("data", (c) => (body += c));
        res.on("end", () => resolve(body));
      })
      .on("error", reject);
  });
}

const app = await benchApp();
try {
  await app.deploy("version A");
  await app.deploy("version B");
  const { platform, host } = app;
  const load = pacedLoad(platform.routerPort, host, { ratePerSecond: 200, maxMs: 120_000 });
  await new Promise((r) => setTimeout(r, 1_500));
  const latencies: number[] = [];
  let expected = "version A\n";
  for (let i = 0; i < ROLLBACKS; i++) {
    const started = performance.now();
    const res = await platform.api.inject({
      method: "POST",
      url: `/api/apps/${app.name}/rollback`,
      headers: platform.auth,
    });
    if (res.statusCode !== 200) throw new Error(`rollback ${i + 1}: ${res.body}`);
    while ((await bodyVia(platform.routerPort, host)) !== expected) await new Promise((r) => setTimeout(r, 2));
    latencies.push(performance.now() - started);
    expected = expected === "version A\n" ? "version B\n" : "version A\n";
    await new Promise((r) => setTimeout(r, 1_500)); // let the previous container settle (it stays warm)
  }
  const traffic = await load.stop();
  const rate = (traffic.sent / traffic.seconds).toFixed(0);
  console.log(
    `\nRollback latency over ${ROLLBACKS} rollbacks (API call → router serves the target), under ${rate} req/s`,
  );
  console.log(`| p50 | max | requests during the run | failed |`);
  console.log(`|---|---|---|---|`);
  const failures = traffic.failed ? JSON.stringify(traffic.failures) : "";
  const p50 = ms(percentile(latencies, 50));
  console.log(`| ${p50} | ${ms(Math.max(...latencies))} | ${traffic.sent} | ${traffic.failed} ${failures} |`);
  console.log(`raw: ${latencies.map((l) => l.toFixed(0)).join(", ")} ms`);
} finally {
  await app.close();
}
process.exit(0);
