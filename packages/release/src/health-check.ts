import type { ContainerRuntime } from "@pier/runtime";
import { request } from "node:http";

export interface HealthCheckRequest {
  containerId: string;
  hostPort: number;
  path: string;
  timeoutMs: number;
  intervalMs?: number;
}

export type HealthCheckResult = { healthy: true; afterMs: number; status: number } | { healthy: false; evidence: string };

/** One GET with its own short timeout; resolves to a status code or an error description. */
function probe(port: number, path: string, timeoutMs: number): Promise<number | string> {
  return new Promise((resolve) => {
    const req = request({ host: "127.0.0.1", port, path, method: "GET", timeout: timeoutMs, agent: false }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on("timeout", () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
    req.end();
  });
}

/**
 * Polls the app over HTTP until it answers 2xx, the container exits, or the timeout passes.
 * The result carries the evidence (last answers, exit code, the app's last output) for the log.
 */
export async function waitUntilHealthy(runtime: ContainerRuntime, check: HealthCheckRequest): Promise<HealthCheckResult> {
  const started = Date.now();
  const interval = check.intervalMs ?? 100;
  const outcomes = new Map<string, number>();
  let attempts = 0;
  while (Date.now() - started < check.timeoutMs) {
    attempts++;
    const outcome = await probe(check.hostPort, check.path, Math.min(2_000, check.timeoutMs));
    if (typeof outcome === "number" && outcome >= 200 && outcome < 300) {
      return { healthy: true, afterMs: Date.now() - started, status: outcome };
    }
    const key = typeof outcome === "number" ? `HTTP ${outcome}` : outcome;
    outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
    // Every few attempts, make sure the app hasn't died: no point waiting for a dead process.
    if (attempts % 5 === 0) {
      const info = await runtime.inspectContainer(check.containerId);
      if (!info?.running) {
        return { healthy: false, evidence: await evidence(runtime, check, outcomes, `the container exited with code ${info?.exitCode ?? "unknown"}`) };
      }
    }
    await new Promise((r) => setTimeout(r, interval));
  }
  return { healthy: false, evidence: await evidence(runtime, check, outcomes, `no 2xx answer within ${check.timeoutMs} ms`) };
}

async function evidence(runtime: ContainerRuntime, check: HealthCheckRequest, outcomes: Map<string, number>, summary: string): Promise<string> {
  const answers = [...outcomes].map(([k, n]) => `${k} ×${n}`).join(", ") || "none";
  const output = (await runtime.containerLogs(check.containerId, 30)).trim();
  return [
    `Health check failed: ${summary}.`,
    `GET ${check.path} answers: ${answers}.`,
    output ? `Last output of the app:\n${output}` : "The app printed nothing.",
  ].join("\n");
}
