import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ChildProcess, spawn } from "node:child_process";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { testApps } from "../support/apps.ts";
import { waitForStatus } from "../support/deployments.ts";
import { eventually } from "../support/eventually.ts";
import { getViaRouter } from "../support/http.ts";
import { startPlatform, type Platform } from "../support/platform.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

// Says when it listens and prints every request's path, so a test can make a replica write a line.
const loggingApp = {
  "package.json": JSON.stringify({ name: "logs", scripts: { start: "node server.js" } }),
  "pier.json": JSON.stringify({ replicas: 2 }),
  "server.js":
    `require("http").createServer((q, s) => { console.log("hit " + q.url); s.end("ok"); })` +
    `.listen(Number(process.env.PORT), () => console.log("listening"));\n` +
    `process.on("SIGTERM", () => process.exit(0));\n`,
};

interface LogLine {
  at: string | null;
  replica: number;
  line: string;
}

/** Reads a streamed answer as it comes; `text()` is what arrived so far. */
async function follow(url: string, headers: Record<string, string>) {
  const left = new AbortController();
  const res = await fetch(url, { headers, signal: left.signal });
  expect(res.status).toBe(200);
  let text = "";
  const decoder = new TextDecoder();
  const reading = (async () => {
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>)
      text += decoder.decode(chunk, { stream: true });
  })().catch(() => {});
  return {
    text: () => text,
    async close() {
      left.abort();
      await reading;
    },
  };
}

/** The `event: <name>` events of a Server-Sent Events text, their data parsed. */
const eventsOf = (text: string, name: string) =>
  text
    .split("\n\n")
    .filter((block) => block.startsWith(`event: ${name}\n`))
    .map((block) => JSON.parse(block.slice(block.indexOf("data: ") + 6)));

describe("runtime logs of every production replica", () => {
  let platform: Platform;
  let apiUrl = "";
  const apps = testApps(() => platform, "rlog");
  let name = "";
  let headers: Record<string, string>;
  const children: ChildProcess[] = [];

  const scale = async (replicas: number) => {
    const res = await platform.api.inject({
      method: "POST",
      url: `/api/apps/${name}/scale`,
      headers: platform.auth,
      payload: { replicas },
    });
    expect(res.statusCode, res.body).toBe(200);
  };

  beforeAll(async () => {
    platform = await startPlatform();
    await platform.api.listen({ host: "127.0.0.1", port: 0 });
    apiUrl = `http://127.0.0.1:${(platform.api.server.address() as AddressInfo).port}`;
    headers = platform.auth;
    ({ name } = await apps.create(loggingApp));
    const deploy = await platform.api.inject({
      method: "POST",
      url: `/api/apps/${name}/deploy`,
      headers: platform.auth,
      payload: {},
    });
    expect(deploy.statusCode, deploy.body).toBe(202);
    expect((await waitForStatus(platform.api, platform.auth, deploy.json().id)).status).toBe("READY");
  });
  afterAll(async () => {
    for (const child of children) child.kill();
    await apps.cleanup();
    await platform.close();
  });

  it("GET /logs reads every replica, merged in the order written, each line with its replica", async () => {
    // Requests go round the replicas, so each writes lines of its own.
    const read = async () => {
      await getViaRouter(platform.routerPort, `${name}.localhost`, "/plain");
      const res = await platform.api.inject({ method: "GET", url: `/api/apps/${name}/logs?tail=50`, headers });
      expect(res.statusCode).toBe(200);
      return res.body;
    };
    const body = await eventually(async () => {
      const text = await read();
      return /^\S+ #1 hit \/plain$/m.test(text) && /^\S+ #2 hit \/plain$/m.test(text) && text;
    }, "lines of both replicas");
    const lines = body.trimEnd().split("\n");
    const parsed = lines.map((l) => /^(\S+) #(\d+) (.*)$/.exec(l));
    expect(parsed.every(Boolean), body).toBe(true);
    expect(lines).toContainEqual(expect.stringMatching(/^\S+ #1 listening$/));
    expect(lines).toContainEqual(expect.stringMatching(/^\S+ #2 listening$/));
    const times = parsed.map((m) => m![1]!);
    expect(times).toEqual([...times].sort());
  });

  it("a follow picks up a replica started after it opened, and survives replicas going away", async () => {
    const events = await follow(`${apiUrl}/api/apps/${name}/logs/stream?tail=0&follow=true`, headers);
    const text = await follow(`${apiUrl}/api/apps/${name}/logs?tail=0&follow=true`, headers);
    // The CLI follows the same stream: one JSON object per line.
    let cliOut = "";
    const cli = spawn(
      process.execPath,
      ["--import", "tsx", "apps/cli/src/main.ts", "app-logs", name, "--follow", "--tail", "0", "--json"],
      { cwd: root, env: { ...process.env, PIER_API_URL: apiUrl, PIER_TOKEN: platform.config.PIER_ADMIN_TOKEN } },
    );
    children.push(cli);
    cli.stdout.on("data", (chunk: Buffer) => {
      cliOut += chunk.toString();
    });
    try {
      await eventually(async () => eventsOf(events.text(), "replicas").length === 1, "the first replicas event");
      // The CLI is following once a request's line reaches it.
      await eventually(
        async () => {
          await getViaRouter(platform.routerPort, `${name}.localhost`, "/cli-ready");
          return cliOut.includes("hit /cli-ready");
        },
        "the CLI following",
        30_000,
        500,
      );

      await scale(3);
      const fromThird = (line: LogLine) => line.replica === 3 && line.line === "listening";
      await eventually(async () => eventsOf(events.text(), "line").some(fromThird), "replica 3's line (events)");
      await eventually(async () => /^\S+ #3 listening$/m.test(text.text()), "replica 3's line (text)");
      await eventually(
        async () => cliOut.split("\n").some((l) => l.startsWith("{") && fromThird(JSON.parse(l))),
        "replica 3's line (CLI)",
      );
      const third = eventsOf(events.text(), "replicas").at(-1);
      expect(third.replicas.map((r: { index: number }) => r.index)).toEqual([1, 2, 3]);

      // Two replicas go away: the follow goes on, with the one left.
      await scale(1);
      await eventually(async () => {
        const last = eventsOf(events.text(), "replicas").at(-1);
        return last.replicas.length === 1 && last.replicas[0].index === 1;
      }, "the replicas event of one replica");
      await getViaRouter(platform.routerPort, `${name}.localhost`, "/after-scale-down");
      await eventually(
        async () =>
          eventsOf(events.text(), "line").some((l: LogLine) => l.replica === 1 && l.line === "hit /after-scale-down"),
        "a line after the scale down (events)",
      );
      await eventually(async () => /^\S+ #1 hit \/after-scale-down$/m.test(text.text()), "the same (text)");
      await eventually(async () => cliOut.includes('"line":"hit /after-scale-down"'), "the same (CLI)");
      expect(eventsOf(events.text(), "end")).toEqual([]);
      expect(eventsOf(events.text(), "failed")).toEqual([]);
      expect(cli.exitCode).toBeNull();
    } finally {
      cli.kill();
      await events.close();
      await text.close();
    }
  });
});
