// How soon the API answers where an answer is owed fast, in-process (app.inject) on the real Postgres and Redis:
//   1. a signed GitHub push → 202 (GitHub gives up on a delivery after 10 s; tests/e2e/push-to-live.test.ts and
//      apps/api/test/webhook.test.ts check that bound): `pushes` pushes to one app, each a new commit;
//   2. with Redis unreachable, a rate-limit count → null (the request goes through uncounted): the first on a
//      new connection, which waits for ioredis' one retry, and one on a connection already lost
//      (apps/api/test/rate-limit-redis-down.test.ts checks it answers at all, within 5 s).
//   npx tsx bench/api-answers.ts [pushes=50] [counts=20]
import type { FastifyBaseLogger } from "fastify";
import { Redis } from "ioredis";
import { randomBytes } from "node:crypto";
import { buildApp } from "../apps/api/src/build-app.ts";
import { RequestCounters } from "../apps/api/src/plugins/app/rate-limit.ts";
import { freePort } from "../tests/support/free-port.ts";
import { deliveryHeaders, pushPayload } from "../tests/support/github.ts";
import { testConfig } from "../tests/support/platform.ts";
import { ms, percentile } from "./stats.ts";

const PUSHES = Number(process.argv[2] ?? 50);
const COUNTS = Number(process.argv[3] ?? 20);

const config = testConfig({ LOG_LEVEL: "error" });
const auth = { authorization: `Bearer ${config.PIER_ADMIN_TOKEN}` };
const app = await buildApp(config, { logger: false });
const name = `bench-hook-${randomBytes(3).toString("hex")}`;
const webhook: number[] = [];
const firstCount: number[] = [];
const lostCount: number[] = [];
try {
  const created = await app.inject({
    method: "POST",
    url: "/api/apps",
    headers: auth,
    payload: { name, repoUrl: "https://github.com/pier-dev/hello.git" },
  });
  if (created.statusCode !== 201) throw new Error(created.body);
  const secret: string = created.json().webhookSecret;
  for (let i = 0; i < PUSHES; i++) {
    const body = JSON.stringify(pushPayload({ branch: "main", sha: randomBytes(20).toString("hex") }));
    const started = performance.now();
    const res = await app.inject({
      method: "POST",
      url: `/webhooks/github/${name}`,
      headers: deliveryHeaders("push", secret, body),
      payload: body,
    });
    webhook.push(performance.now() - started);
    if (res.statusCode !== 202) throw new Error(`push ${i + 1}: HTTP ${res.statusCode} ${res.body}`);
  }

  const silent = { error() {} } as unknown as FastifyBaseLogger;
  for (let i = 0; i < COUNTS; i++) {
    const down = new Redis(`redis://127.0.0.1:${await freePort()}`, { maxRetriesPerRequest: 1 });
    down.on("error", () => {});
    const counters = new RequestCounters(down, silent);
    for (const into of [firstCount, lostCount]) {
      const started = performance.now();
      if ((await counters.count(`pier:bench:${i}`, 60_000)) !== null) throw new Error("a count with Redis down");
      into.push(performance.now() - started);
    }
    down.disconnect();
  }
} finally {
  await app.inject({ method: "DELETE", url: `/api/apps/${name}`, headers: auth });
  await app.pier.queue.obliterate({ force: true });
  await app.close();
}
console.log("\nAPI answers owed fast (in-process)");
console.log("| | runs | p50 | max |");
console.log("|---|---|---|---|");
const row = (label: string, xs: number[]) =>
  console.log(`| ${label} | ${xs.length} | ${ms(percentile(xs, 50))} | ${ms(Math.max(...xs))} |`);
row("signed push → 202 (deployment queued)", webhook);
row("Redis unreachable: rate-limit count → null, new connection", firstCount);
row("Redis unreachable: rate-limit count → null, connection already lost", lostCount);
process.exit(0);
