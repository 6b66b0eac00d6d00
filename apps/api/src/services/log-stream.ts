import type { FastifyReply, FastifyRequest } from "fastify";
import type { PierDeps } from "../plugins/app/deps.ts";
import { AppError } from "../errors.ts";
import { isTerminal } from "@pier/lifecycle";

const POLL_MS = 300;

/**
 * Streams a deployment's log as Server-Sent Events: every stored line (after `afterId`), then new lines
 * as the worker writes them, then `event: end` with the final status once the deployment has ended.
 * Reads the database (where the worker streams its log) so a viewer never misses or repeats a line.
 *   event: line   data: {"id","stream","line","at"}
 *   event: status data: {"status"}          (whenever it changes)
 *   event: end    data: {"status","reason"}
 */
export async function streamDeploymentLog(
  deps: PierDeps,
  deploymentId: string,
  request: FastifyRequest,
  reply: FastifyReply,
  afterId = 0n,
): Promise<void> {
  const first = await deps.prisma.deployment.findUnique({ where: { id: deploymentId }, select: { status: true } });
  if (!first) throw new AppError("deployment_not_found", `deployment ${deploymentId} does not exist`, "id");

  reply.hijack();
  const out = reply.raw;
  out.writeHead(200, {
    "content-type": "text/event-stream; charset=utf-8",
    "cache-control": "no-cache, no-transform",
    connection: "keep-alive",
    "x-accel-buffering": "no",
  });
  const send = (event: string, data: unknown) => out.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);

  let closed = false;
  request.raw.on("close", () => (closed = true));
  let lastId = afterId;
  let lastStatus = "";
  while (!closed) {
    const deployment = await deps.prisma.deployment.findUnique({
      where: { id: deploymentId },
      select: { status: true, failureReason: true },
    });
    if (!deployment) break;
    const lines = await deps.prisma.buildLog.findMany({
      where: { deploymentId, id: { gt: lastId } },
      orderBy: { id: "asc" },
      take: 1_000,
    });
    for (const l of lines)
      send("line", { id: l.id.toString(), stream: l.stream, line: l.line, at: l.createdAt.toISOString() });
    if (lines.length) lastId = lines[lines.length - 1]!.id;
    if (deployment.status !== lastStatus) {
      lastStatus = deployment.status;
      send("status", { status: lastStatus });
    }
    // Ended and nothing left to read: the log is complete (the worker flushes before it finishes).
    if (isTerminal(deployment.status) && lines.length === 0) {
      send("end", { status: deployment.status, reason: deployment.failureReason });
      break;
    }
    if (lines.length < 1_000) await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  out.end();
}
