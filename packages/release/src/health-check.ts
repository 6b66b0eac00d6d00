import type { ContainerRuntime } from "@pier/runtime";
import { request } from "node:http";
import { diagnoseListeners, type ListenDiagnosis } from "./listen-diagnosis.ts";

export interface HealthCheckRequest {
  containerId: string;
  /** The container's "address:port" on the app network: where the router will send its traffic. */
  endpoint: string;
  path: string;
  timeoutMs: number;
  intervalMs?: number;
}

export type HealthCheckResult =
  | { healthy: true; afterMs: number; status: number }
  | {
      healthy: false;
      /** First line: what failed and why, for the deployment's reason; then the details for the log. */
      evidence: string;
      /** The app listens on all interfaces on exactly this other port: the caller may route to it instead. */
      adoptPort?: number;
    };

/** After this long with no HTTP answer at all, Pier looks at the sockets inside the container. */
const DIAGNOSE_AFTER_MS = 1_500;
const DIAGNOSE_EVERY_MS = 1_000;
const FAST_POLL_FOR_MS = 3_000;

/** One GET with its own short timeout; resolves to a status code or an error description. */
function probe(endpoint: string, path: string, timeoutMs: number): Promise<number | string> {
  const colon = endpoint.lastIndexOf(":");
  const [host, port] = [endpoint.slice(0, colon), Number(endpoint.slice(colon + 1))];
  return new Promise((resolve) => {
    const req = request({ host, port, path, method: "GET", timeout: timeoutMs, agent: false }, (res) => {
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
export async function waitUntilHealthy(
  runtime: ContainerRuntime,
  check: HealthCheckRequest & { containerPort?: number },
): Promise<HealthCheckResult> {
  const started = Date.now();
  // Quick polls while a fresh process is likely to come up (a Node server takes 0.2-0.5 s), then slower.
  const interval = () => check.intervalMs ?? (Date.now() - started < FAST_POLL_FOR_MS ? 20 : 100);
  const outcomes = new Map<string, number>();
  let attempts = 0;
  let answered = false;
  let lastDiagnosisAt = 0;
  let previous: ListenDiagnosis | null = null;
  while (Date.now() - started < check.timeoutMs) {
    attempts++;
    const outcome = await probe(check.endpoint, check.path, Math.min(2_000, check.timeoutMs));
    if (typeof outcome === "number" && outcome >= 200 && outcome < 300) {
      return { healthy: true, afterMs: Date.now() - started, status: outcome };
    }
    if (typeof outcome === "number") answered = true;
    const key = typeof outcome === "number" ? `HTTP ${outcome}` : outcome;
    outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
    // Now and then, make sure the app hasn't died: no point waiting for a dead process.
    if (attempts % 10 === 0) {
      const info = await runtime.inspectContainer(check.containerId);
      if (!info?.running) {
        return {
          healthy: false,
          evidence: await evidence(
            runtime,
            check,
            outcomes,
            `the container exited with code ${info?.exitCode ?? "unknown"}`,
          ),
        };
      }
    }
    // No answer yet: the sockets inside the container tell a wrong address or port apart from a slow start.
    const now = Date.now();
    if (
      !answered &&
      check.containerPort !== undefined &&
      now - started >= DIAGNOSE_AFTER_MS &&
      now - lastDiagnosisAt >= DIAGNOSE_EVERY_MS
    ) {
      lastDiagnosisAt = now;
      const current = await diagnose(runtime, check.containerId, check.containerPort);
      // The same finding twice in a row, a second apart: a listener that is still being set up gets its chance.
      const settled =
        current && previous && current.kind === previous.kind && JSON.stringify(current) === JSON.stringify(previous);
      if (settled && current.kind === "loopback-only")
        return { healthy: false, evidence: await evidence(runtime, check, outcomes, current.message) };
      if (settled && current.kind === "other-port")
        return {
          healthy: false,
          adoptPort: current.port,
          evidence: await evidence(runtime, check, outcomes, current.message),
        };
      previous = current;
    }
    await new Promise((r) => setTimeout(r, interval()));
  }
  let summary = `no 2xx answer within ${check.timeoutMs} ms`;
  if (!answered && check.containerPort !== undefined) {
    const found = await diagnose(runtime, check.containerId, check.containerPort);
    if (found && found.kind !== "reachable") summary = `${summary}: ${found.message}`;
  }
  return { healthy: false, evidence: await evidence(runtime, check, outcomes, summary) };
}

async function diagnose(runtime: ContainerRuntime, containerId: string, port: number): Promise<ListenDiagnosis | null> {
  const sockets = await runtime.listeningSockets(containerId);
  return sockets === null ? null : diagnoseListeners(sockets, port);
}

async function evidence(
  runtime: ContainerRuntime,
  check: HealthCheckRequest,
  outcomes: Map<string, number>,
  summary: string,
): Promise<string> {
  const answers = [...outcomes].map(([k, n]) => `${k} ×${n}`).join(", ") || "none";
  const output = (await runtime.containerLogs(check.containerId, 30)).trim();
  return [
    `Health check failed: ${summary}.`,
    `GET ${check.path} answers: ${answers}.`,
    output ? `Last output of the app:\n${output}` : "The app printed nothing.",
  ].join("\n");
}
