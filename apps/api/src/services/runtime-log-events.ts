import type { App } from "@pier/db";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { PierDeps } from "../plugins/app/deps.ts";
import { type RuntimeLogFormat, streamRuntimeLogs } from "./runtime-log-stream.ts";

const event = (name: string, data: unknown) => `event: ${name}\ndata: ${JSON.stringify(data)}\n\n`;

/**
 * Server-Sent Events:
 *   event: replicas data: {"deploymentId","replicas":[{"index","container","running"}]}  (again when they change)
 *   event: line     data: {"at","replica","container","line"}    (at: RFC 3339, the engine's time)
 *   event: end      data: {"reason"}                              (no follow, or the app was deleted)
 *   event: failed   data: {"message"}                             (the engine failed mid-stream)
 */
const eventFormat: RuntimeLogFormat = {
  headers: {
    "content-type": "text/event-stream; charset=utf-8",
    "cache-control": "no-cache, no-transform",
    connection: "keep-alive",
    "x-accel-buffering": "no",
  },
  line: (line) => event("line", line),
  replicas: (now) =>
    event("replicas", {
      deploymentId: now?.deploymentId ?? null,
      replicas: (now?.replicas ?? []).map((r) => ({ index: r.index, container: r.name, running: r.running })),
    }),
  ended: (reason) => event("end", { reason }),
  failed: (message) => event("failed", { message: `the log stream failed: ${message}` }),
  // A comment line now and then keeps proxies from closing a quiet stream.
  keepalive: { text: ": keepalive\n\n", everyMs: 15_000 },
};

/** Streams an app's runtime logs (every production replica, streamRuntimeLogs) as Server-Sent Events. */
export const streamRuntimeLogEvents = (
  deps: PierDeps,
  app: App,
  request: FastifyRequest,
  reply: FastifyReply,
  options: { tail: number; follow: boolean },
) => streamRuntimeLogs(deps, app, request, reply, options, eventFormat);
