import type { ContainerEvent } from "../runtime.ts";
import { engineCall, labelFilters, type DockerClient } from "./engine.ts";

/**
 * Calls `onEvent` for every start, exit (die, oom) and removal (destroy) of containers with these labels,
 * until closed; `onEnd` hears when the engine ends the stream (it restarted): watch again.
 */
export async function watchEvents(
  docker: DockerClient,
  labels: Record<string, string>,
  onEvent: (event: ContainerEvent) => void,
  onEnd: (error?: Error) => void,
): Promise<{ close(): void }> {
  const stream = (await engineCall("watch container events", () =>
    docker.getEvents({
      filters: { type: ["container"], label: labelFilters(labels), event: ["die", "destroy", "kill", "oom", "start"] },
    }),
  )) as NodeJS.ReadableStream;
  let pending = "";
  stream.on("data", (chunk: Buffer) => {
    pending += chunk.toString("utf8");
    const lines = pending.split("\n");
    pending = lines.pop() ?? "";
    for (const line of lines.filter(Boolean)) {
      const raw = JSON.parse(line) as {
        Action?: string;
        id?: string;
        Actor?: { ID?: string; Attributes?: Record<string, string> };
        time?: number;
      };
      const attributes = raw.Actor?.Attributes ?? {};
      const exitCode = attributes.exitCode === undefined ? null : Number(attributes.exitCode);
      onEvent({ action: raw.Action ?? "", containerId: raw.id ?? raw.Actor?.ID ?? "", labels: attributes, exitCode });
    }
  });
  let closed = false;
  stream.on("error", (error: Error) => !closed && onEnd(error));
  stream.on("end", () => !closed && onEnd());
  return {
    close: () => {
      closed = true;
      (stream as unknown as { destroy(): void }).destroy();
    },
  };
}
