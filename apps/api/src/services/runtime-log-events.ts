import type { App } from "@pier/db";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { PierDeps } from "../plugins/app/deps.ts";
import { followRuntimeLines } from "./runtime-log-follow.ts";
import { type RuntimeLogSource, recentRuntimeLines, runtimeLogSource } from "./runtime-logs.ts";

/** A comment line now and then keeps proxies from closing a quiet stream. */
const KEEPALIVE_MS = 15_000;

/**
 * Takes the answer over from Fastify (it is streamed, which the serializer can't) with Fastify's headers (CORS,
 * rate limit) and these.
 */
export function answerRaw(reply: FastifyReply, headers: Record<string, string>): FastifyReply["raw"] {
  reply.hijack();
  const out = reply.raw;
  for (const [name, value] of Object.entries(reply.getHeaders())) if (value !== undefined) out.setHeader(name, value);
  out.writeHead(200, headers);
  // Sent now, not with the first line: a follow of a quiet app is open (and says so) before anything is written.
  out.flushHeaders();
  return out;
}

/**
 * Streams an app's runtime logs (every production replica) as Server-Sent Events:
 *   event: replicas data: {"deploymentId","replicas":[{"index","container","running"}]}  (again when they change)
 *   event: line     data: {"at","replica","container","line"}    (at: RFC 3339, the engine's time)
 *   event: end      data: {"reason"}                              (no follow, or the app was deleted)
 *   event: failed   data: {"message"}                             (the engine failed mid-stream)
 * Without follow the last `tail` lines come in the order they were written; with follow, each replica's
 * last `tail` lines and then new ones as they come, from replicas that start later too, until the viewer leaves.
 * Fails before answering when nothing runs (409).
 */
export async function streamRuntimeLogEvents(
  deps: PierDeps,
  app: App,
  request: FastifyRequest,
  reply: FastifyReply,
  options: { tail: number; follow: boolean },
): Promise<void> {
  const source = await runtimeLogSource(deps, app);
  const out = answerRaw(reply, {
    "content-type": "text/event-stream; charset=utf-8",
    "cache-control": "no-cache, no-transform",
    connection: "keep-alive",
    "x-accel-buffering": "no",
    "x-pier-deployment": source.deploymentId,
  });
  const send = (event: string, data: unknown) => out.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  const sendReplicas = (now: RuntimeLogSource | null) =>
    send("replicas", {
      deploymentId: now?.deploymentId ?? null,
      replicas: (now?.replicas ?? []).map((r) => ({ index: r.index, container: r.name, running: r.running })),
    });
  sendReplicas(source);

  const left = new AbortController();
  request.raw.on("close", () => left.abort());
  const keepalive = setInterval(() => out.write(": keepalive\n\n"), KEEPALIVE_MS);
  try {
    if (options.follow) {
      const handlers = { line: (line: unknown) => send("line", line), replicas: sendReplicas };
      const end = await followRuntimeLines(deps, app, source, options.tail, handlers, left.signal);
      if (end === "app deleted") send("end", { reason: "the app was deleted" });
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
