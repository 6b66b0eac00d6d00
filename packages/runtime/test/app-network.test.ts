import { execFileSync, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually } from "../../../tests/support/eventually.ts";
import { APP_NETWORK, createRuntime, type RunningContainer } from "../src/index.ts";

// Two app containers as Pier runs them: neither can reach the other (different apps must not), the
// router still reaches each through its port on 127.0.0.1, and Docker caps what their logs keep.
const IMAGE = "pier-test/app-network:1";
const server = `require("http").createServer((q, s) => s.end("hello")).listen(Number(process.env.PORT ?? 3000))`;

describe("app containers' network and logs", () => {
  const runtime = createRuntime("docker");
  const started: RunningContainer[] = [];
  const run = async (port = 3000) => {
    const container = await runtime.runContainer({
      name: `pier-nettest-${randomBytes(3).toString("hex")}`,
      image: IMAGE,
      env: { PORT: String(port) },
      labels: { "pier.test": "app-network" },
      containerPort: port,
      memoryBytes: 128 * 1024 * 1024,
      nanoCpus: 500_000_000,
      pidsLimit: 64,
    });
    started.push(container);
    return container;
  };
  const inspect = (id: string, format: string) =>
    execFileSync("docker", ["inspect", "-f", format, id], { encoding: "utf8" }).trim();

  beforeAll(() => {
    // Built by scripts/setup/base-images.sh (no registry is reachable here).
    const base = process.env.PIER_TEST_NODE_IMAGE ?? "pier-local/node:24-bookworm-slim";
    execFileSync("docker", ["build", "-q", "-t", IMAGE, "-"], {
      // EXPOSE 3000, as Pier's generated Dockerfiles say: a container run on another port must not be reached there.
      input: `FROM ${base}\nEXPOSE 3000\nCMD ["node", "-e", ${JSON.stringify(server)}]\n`,
      stdio: ["pipe", "ignore", "inherit"],
    });
  });
  afterAll(async () => {
    for (const container of started) await runtime.removeContainer(container.id);
  });

  it("keeps one app's container from reaching another's; the router reaches both at their endpoints", async () => {
    const [a, b] = [await run(), await run()];
    expect(inspect(a.id, "{{.HostConfig.NetworkMode}}")).toBe(APP_NETWORK);
    const address = inspect(a.id, `{{(index .NetworkSettings.Networks "${APP_NETWORK}").IPAddress}}`);
    expect(address).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(a.endpoint).toBe(`${address}:3000`);
    expect((await runtime.inspectContainer(a.id))?.endpoint).toBe(a.endpoint);
    const listed = await runtime.listContainers({ "pier.test": "app-network" });
    expect(listed.find((c) => c.id === a.id)?.endpoint).toBe(a.endpoint);
    const probe = `const s = require("net").connect(3000, ${JSON.stringify(address)});
s.on("connect", () => { console.log("connected"); process.exit(0); });
s.on("error", (e) => { console.log(e.code); process.exit(1); });
setTimeout(() => { console.log("timed out"); process.exit(2); }, 2000);`;
    // Wait until a serves (through its published port), so a refused probe can't be a slow start.
    await eventually(
      async () => (await fetch(`http://127.0.0.1:${a.hostPort}/`)).ok,
      "container a serving",
      30_000,
      100,
    );
    const fromB = spawnSync("docker", ["exec", b.id, "node", "-e", probe], { encoding: "utf8" });
    expect(fromB.stdout.trim()).not.toBe("connected");
    expect(fromB.status).not.toBe(0);
    expect(await (await fetch(`http://${b.endpoint}/`)).text()).toBe("hello");
    expect(await (await fetch(`http://127.0.0.1:${b.hostPort}/`)).text()).toBe("hello");
  });

  it("gives the port it was run on as its endpoint, not a port its image exposes (an adopted port)", async () => {
    const adopted = await run(8080);
    expect(adopted.endpoint).toMatch(/:8080$/);
    expect((await runtime.inspectContainer(adopted.id))?.endpoint).toBe(adopted.endpoint);
    const listed = await runtime.listContainers({ "pier.test": "app-network" });
    expect(listed.find((c) => c.id === adopted.id)?.endpoint).toBe(adopted.endpoint);
    await eventually(async () => (await fetch(`http://${adopted.endpoint}/`)).ok, "served on 8080", 30_000, 100);
  });

  it("caps each container's log at 3 files of 10 MB", async () => {
    const container = await run();
    expect(JSON.parse(inspect(container.id, "{{json .HostConfig.LogConfig}}"))).toEqual({
      Type: "json-file",
      Config: { "max-file": "3", "max-size": "10m" },
    });
  });
});
