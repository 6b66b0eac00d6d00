import type { App } from "@pier/db";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { PierDeps } from "../plugins/app/deps.ts";
import type { RuntimeLogLine } from "./runtime-logs.ts";
import { type RuntimeLogFormat, streamRuntimeLogs } from "./runtime-log-stream.ts";

/** One line of the plain answer: "<the engine's RFC 3339 time> #<replica> <text>" ("-" for a line without time). */
export const runtimeLogTextLine = (line: RuntimeLogLine) => `${line.at ?? "-"} #${line.replica} ${line.line}\n`;

/** Plain text: only lines, and a closing "[pier] …" line when the stream ends for a reason worth saying. */
const textFormat: RuntimeLogFormat = {
  headers: { "content-type": "text/plain; charset=utf-8" },
  line: runtimeLogTextLine,
  replicas: () => "",
  ended: (reason) => (reason === "done" ? "" : `[pier] log stream ended: ${reason}\n`),
  failed: (message) => `[pier] log stream ended: ${message}\n`,
};

/** Answers an app's runtime logs (every production replica, streamRuntimeLogs) as text, each line with its replica. */
export const streamRuntimeLogText = (
  deps: PierDeps,
  app: App,
  request: FastifyRequest,
  reply: FastifyReply,
  options: { tail: number; follow: boolean },
) => streamRuntimeLogs(deps, app, request, reply, options, textFormat);
