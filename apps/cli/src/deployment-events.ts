/**
 * Follows a deployment through GET /api/deployments/:id/logs/stream (Server-Sent Events): every log line and
 * status change as it happens, until the `end` event with the final status.
 */
import type { ApiClient } from "./api-client.ts";
import { CliError, EXIT } from "./errors.ts";
import { serverSentEvents } from "./sse.ts";
import type { DeploymentStatus, LogLineDto } from "./types.ts";

export interface DeploymentEnd {
  status: DeploymentStatus;
  reason: string | null;
}

export interface DeploymentListener {
  line(line: LogLineDto): void;
  status(status: DeploymentStatus): void;
  /** The connection broke before the end: it is opened again after the last line seen. */
  reconnecting(cause: string): void;
}

const MAX_RECONNECTS = 5;
const RECONNECT_MS = 1000;

/** Resolves with the final status once the deployment has ended and its whole log was heard. */
export async function followDeployment(
  client: ApiClient,
  id: string,
  listener: DeploymentListener,
): Promise<DeploymentEnd> {
  let after = "0";
  for (let attempt = 0; ; attempt++) {
    let cause: string;
    try {
      const body = await client.openStream(`/api/deployments/${encodeURIComponent(id)}/logs/stream?after=${after}`);
      for await (const { event, data } of serverSentEvents(body as unknown as AsyncIterable<Uint8Array>)) {
        if (event === "line") {
          const line = JSON.parse(data) as LogLineDto;
          after = line.id;
          listener.line(line);
        } else if (event === "status") listener.status((JSON.parse(data) as { status: DeploymentStatus }).status);
        else if (event === "end") return JSON.parse(data) as DeploymentEnd;
      }
      cause = "the log stream closed before the deployment ended";
    } catch (error) {
      // Only a lost connection is worth another try; a refusal (404, 401…) is final.
      const lost = error instanceof CliError ? error.exitCode === EXIT.unreachable : error instanceof TypeError;
      if (!lost) throw error;
      cause = (error as Error).message;
    }
    if (attempt >= MAX_RECONNECTS)
      throw new CliError(`lost the deployment's log stream ${attempt + 1} times: ${cause}`, EXIT.unreachable);
    listener.reconnecting(cause);
    await new Promise((resolve) => setTimeout(resolve, RECONNECT_MS));
  }
}
