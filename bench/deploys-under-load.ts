// Failed requests across 20 consecutive deploys, with ~200 req/s through the router the whole time.
//   npx tsx bench/deploys-under-load.ts [deploys=20]
import { benchApp } from "./support.ts";
import { pacedLoad } from "./paced-load.ts";

const DEPLOYS = Number(process.argv[2] ?? 20);
const app = await benchApp({ PIER_DRAIN_MS: "1000" });
try {
  await app.deploy("version 0");
  const load = pacedLoad(app.platform.routerPort, app.host, { ratePerSecond: 200, maxMs: 600_000 });
  const started = performance.now();
  for (let i = 1; i <= DEPLOYS; i++) await app.deploy(`version ${i}`);
  await new Promise((r) => setTimeout(r, 2_000)); // past the last drain
  const traffic = await load.stop();
  const elapsed = ((performance.now() - started) / 1000).toFixed(1);
  const rate = (traffic.sent / traffic.seconds).toFixed(0);
  console.log(`\n${DEPLOYS} consecutive deploys in ${elapsed} s under ${rate} req/s`);
  console.log(`| requests | ok | failed |`);
  console.log(`|---|---|---|`);
  console.log(
    `| ${traffic.sent} | ${traffic.ok} | ${traffic.failed} ${traffic.failed ? JSON.stringify(traffic.failures) : ""} |`,
  );
} finally {
  await app.close();
}
process.exit(0);
