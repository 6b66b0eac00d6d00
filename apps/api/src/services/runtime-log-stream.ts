import type { App } from "@pier/db";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { PierDeps } from "../plugins/app/deps.ts";
import { followRuntimeLines } from "./runtime-log-follow.ts";
import { type RuntimeLogLine, type RuntimeLogSource, recentRuntimeLines, runtimeLogSource } from "./runtime-logs.ts";

/** How one kind of answer (Server-Sent Events, plain text) writes what a runtime log stream says. */
export interface RuntimeLogFormat {
  headers: Record<string, string>;
  line: (line: RuntimeLogLine) => string;
  /** Which replicas are read (at the start, and again when they change); "" writes nothing. */
  replicas: (now: RuntimeLogSource | null) => string;
  /** The stream ended: "done" (no follow) or "the app was deleted"; "" writes nothing. */
  ended: (reason: string) => string;
  failed: (message: string) => string;
  /** Written now and then, so proxies don't close a quiet stream (none: nothing). */
  keepalive?: { text: string; everyMs: number };
}

/**
 * Takes the answer over from Fastify (it is streamed, which the serializer can't) with Fastify's headers (CORS,
 * rate limit) and these.
 */
function answerRaw(reply: FastifyReply, headers: Record<string, string>): FastifyReply["raw"] {
  reply.hijack();
  const out = reply.raw;
  for (const [name, value] of Object.entries(reply.getHeaders())) if (value !== undefined) out.setHeader(name, value);
  out.writeHead(200, headers);
  // Sent now, not with the first line: a follow of a quiet app is open (and says so) before anything is written.
  out.flushHeaders();
  return out;
}

/**
 * An app's runtime logs, every production replica's: without follow the last `tail` lines in the order they were
 * written; with follow, each replica's last `tail` lines and then new ones as they come, from replicas that start
 * later too, until the viewer leaves. Fails before answering when nothing runs (409).
 */
export async function streamRuntimeLogs(
  deps: PierDeps,
  app: App,
  request: FastifyRequest,
  reply: FastifyReply,
  options: { tail: number; follow: boolean },
  format: RuntimeLogFormat,
): Promise<void> {
  const source = await runtimeLogSource(deps, app);
  const out = answerRaw(reply, { ...format.headers, "x-pier-deployment": source.deploymentId });
  const write = (text: string) => text && out.write(text);
  write(format.replicas(source));
  const left = new AbortController();
  request.raw.on("close", () => left.abort());
  const { keepalive } = format;
  const timer = keepalive && setInterval(() => out.write(keepalive.text), keepalive.everyMs);
  try {
    if (options.follow) {
      const handlers = {
        line: (line: RuntimeLogLine) => write(format.line(line)),
        replicas: (now: RuntimeLogSource | null) => write(format.replicas(now)),
      };
      const end = await followRuntimeLines(deps, app, source, options.tail, handlers, left.signal);
      if (end === "app deleted") write(format.ended("the app was deleted"));
    } else {
      for (const line of await recentRuntimeLines(deps, source, options.tail)) write(format.line(line));
      write(format.ended("done"));
    }
  } catch (error) {
    request.log.error({ err: error }, "runtime log stream failed");
    write(format.failed((error as Error).message));
  } finally {
    if (timer) clearInterval(timer);
    out.end();
  }
}
