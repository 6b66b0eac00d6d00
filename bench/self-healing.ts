// Self-healing: `docker kill` of a live app's only container, 10 times; how long until the router serves
// it again (the controller replaces it), and how long until the `container.replaced` alert reaches a
// receiver on 127.0.0.1. Requests go to 127.0.0.1 only, one every 20 ms while waiting (bounded).
//
//   npx tsx bench/self-healing.ts [kills=10]
import { execFileSync } from "node:child_process";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { startTestController } from "../tests/support/controller.ts";
import { getViaRouter } from "../tests/support/http.ts";
import { benchApp, ms, percentile } from "./support.ts";

const KILLS = Number(process.argv[2] ?? 10);
const app = await benchApp();
const { platform } = app;
const alerts: Array<{ at: number; event: string }> = [];
const receiver = http.createServer((req, res) => {
  alerts.push({ at: Date.now(), event: String(req.headers["x-pier-event"]) });
  req.resume();
  res.end("ok");
});
await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
const control = await startTestController(platform, app.name);
const channel = await platform.api.inject({
  method: "POST",
  url: "/api/notifications",
  headers: platform.auth,
  payload: {
    url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/`,
    format: "json",
    events: ["container.replaced"],
    apps: [app.name],
  },
});

const until = async (check: () => Promise<boolean>, timeoutMs = 30_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 20));
  }
};

try {
  await app.deploy("healing");
  const serving: number[] = [];
  const alerted: number[] = [];
  for (let i = 0; i < KILLS; i++) {
    const [container] = await platform.runtime.listContainers({ "pier.app": app.name });
    if (!container) throw new Error("no running container to kill");
    const before = alerts.length;
    const killedAt = Date.now();
    execFileSync("docker", ["kill", container.id], { stdio: "ignore" });
    await until(
      async () =>
        (await getViaRouter(platform.routerPort, app.host, "/", 1_000)).status === 200 &&
        !(await platform.runtime.listContainers({ "pier.app": app.name })).some((c) => c.id === container.id),
    );
    serving.push(Date.now() - killedAt);
    await until(async () => alerts.length > before, 15_000);
    alerted.push(alerts[before]!.at - killedAt);
    // Past the back-off: each kill here is a first loss (the replica served for a while before it).
    await platform.prisma.replicaState.updateMany({ where: { app: { name: app.name } }, data: { failures: 0 } });
  }
  console.log(
    `\nSelf-healing over ${KILLS} kills (docker kill of the only container; controller on Docker's event stream)`,
  );
  console.log("| | p50 | max |");
  console.log("|---|---|---|");
  console.log(
    `| kill → the router serves the app again | ${ms(percentile(serving, 50))} | ${ms(Math.max(...serving))} |`,
  );
  console.log(
    `| kill → container.replaced alert at the receiver | ${ms(percentile(alerted, 50))} | ` +
      `${ms(Math.max(...alerted))} |`,
  );
  console.log(`raw: serving ${serving.join(", ")} ms; alerts ${alerted.join(", ")} ms`);
} finally {
  if (channel.statusCode === 201)
    await platform.api.inject({
      method: "DELETE",
      url: `/api/notifications/${channel.json().id}`,
      headers: platform.auth,
    });
  await control.close();
  await app.close();
  await new Promise((r) => receiver.close(r));
}
process.exit(0);
