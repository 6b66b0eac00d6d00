import type { App } from "@pier/db";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { PierDeps } from "../plugins/app/deps.ts";
import { followRuntimeLines, recentRuntimeLines, runtimeLogSource } from "./runtime-logs.ts";

/** A comment line now and then keeps proxies from closing a quiet stream. */
const KEEPALIVE_MS = 15_000;

/**
 * Streams an app's runtime logs (every production replica) as Server-Sent Events:
 *   event: replicas data: {"deploymentId","replicas":[{"index","container","running"}]}
 *   event: line     data: {"at","replica","container","line"}    (at: RFC 3339, the engine's time)
 *   event: end      data: {"reason"}                              (no follow, or every replica stopped)
 *   event: failed   data: {"message"}                             (the engine failed mid-stream)
 * Without follow the last `tail` lines come in the order they were written; with follow, each replica's
 * last `tail` lines and then new ones as they come. Fails before answering when nothing runs (409).
 */
export async function streamRuntimeLogEvents(
  deps: PierDeps,
  app: App,
  request: FastifyRequest,
  reply: FastifyReply,
  options: { tail: number; follow: boolean },
): Promise<void> {
  const source = await runtimeLogSource(deps, app);
  reply.hijack();
  const out = reply.raw;
  for (const [name, value] of Object.entries(reply.getHeaders())) if (value !== undefined) out.setHeader(name, value);
  out.writeHead(200, {
    "content-type": "text/event-stream; charset=utf-8",
    "cache-control": "no-cache, no-transform",
    connection: "keep-alive",
    "x-accel-buffering": "no",
    "x-pier-deployment": source.deploymentId,
  });
  const send = (event: string, data: unknown) => out.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  const replicas = source.replicas.map((r) => ({ index: r.index, container: r.name, running: r.running }));
  send("replicas", { deploymentId: source.deploymentId, replicas });

  const left = new AbortController();
  request.raw.on("close", () => left.abort());
  const keepalive = setInterval(() => out.write(": keepalive\n\n"), KEEPALIVE_MS);
  try {
    if (options.follow) {
      await followRuntimeLines(deps, source, options.tail, (line) => send("line", line), left.signal);
      send("end", { reason: "every replica's container stopped" });
    } else {
      for (const line of await recentRuntimeLines(deps, source, options.tail)) send("line", line);
      send("end", { reason: "done" });
    }
  } catch (error) {
    request.log.error({ err: error }, "runtime log stream failed");
    send("failed", { message: `the log stream failed: ${(error as Error).message}` });
  } finally {
    clearInterval(keepalive);
    out.end();
  }
}
