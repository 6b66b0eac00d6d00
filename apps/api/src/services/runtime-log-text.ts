import type { App } from "@pier/db";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { PierDeps } from "../plugins/app/deps.ts";
import { answerRaw } from "./runtime-log-events.ts";
import { followRuntimeLines } from "./runtime-log-follow.ts";
import { type RuntimeLogLine, recentRuntimeLines, runtimeLogSource } from "./runtime-logs.ts";

/** One line of the plain answer: "<the engine's RFC 3339 time> #<replica> <text>" ("-" for a line without time). */
export const runtimeLogTextLine = (line: RuntimeLogLine) => `${line.at ?? "-"} #${line.replica} ${line.line}\n`;

/**
 * Answers an app's runtime logs as text, every production replica's lines merged in the order they were written,
 * each with its time and replica; with follow, new lines as they come (from replicas that start later too) until
 * the viewer leaves. Fails before answering when nothing runs (409).
 */
export async function streamRuntimeLogText(
  deps: PierDeps,
  app: App,
  request: FastifyRequest,
  reply: FastifyReply,
  options: { tail: number; follow: boolean },
): Promise<void> {
  const source = await runtimeLogSource(deps, app);
  const out = answerRaw(reply, {
    "content-type": "text/plain; charset=utf-8",
    "x-pier-deployment": source.deploymentId,
  });
  const left = new AbortController();
  request.raw.on("close", () => left.abort());
  try {
    if (options.follow) {
      const handlers = { line: (line: RuntimeLogLine) => out.write(runtimeLogTextLine(line)), replicas: () => {} };
      const end = await followRuntimeLines(deps, app, source, options.tail, handlers, left.signal);
      if (end === "app deleted") out.write("[pier] log stream ended: the app was deleted\n");
    } else {
      for (const line of await recentRuntimeLines(deps, source, options.tail)) out.write(runtimeLogTextLine(line));
    }
  } catch (error) {
    request.log.error({ err: error }, "runtime log stream failed");
    out.write(`[pier] log stream ended: ${(error as Error).message}\n`);
  } finally {
    out.end();
  }
}
