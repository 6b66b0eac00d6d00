import http from "node:http";
import type { AddressInfo } from "node:net";
import { eventually } from "./eventually.ts";
import type { Platform } from "./platform.ts";

export interface ReceivedAlert {
  /** When it arrived (Date.now()). */
  at: number;
  event: string;
  payload: { event: string; summary: string; app?: { name: string }; details?: Record<string, unknown> };
}

export interface AlertReceiver {
  received: ReceivedAlert[];
  /** Adds a JSON channel to the platform that sends this receiver the alerts of these apps. */
  subscribe(platform: Platform, apps: string[]): Promise<void>;
  /** The first `event` about `app` that arrived, waiting for it up to `timeoutMs`. */
  waitFor(event: string, app: string, timeoutMs?: number): Promise<ReceivedAlert>;
  /** Deletes the channels it subscribed and stops listening. */
  close(): Promise<void>;
}

/** A webhook receiver on 127.0.0.1 that keeps every alert Pier delivers to it, as a channel's endpoint would. */
export async function startAlertReceiver(): Promise<AlertReceiver> {
  const received: ReceivedAlert[] = [];
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      received.push({ at: Date.now(), event: String(req.headers["x-pier-event"]), payload: JSON.parse(body) });
      res.end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  const channels: Array<{ platform: Platform; id: string }> = [];
  return {
    received,
    async subscribe(platform, apps) {
      const created = await platform.api.inject({
        method: "POST",
        url: "/api/notifications",
        headers: platform.auth,
        payload: { url, format: "json", apps },
      });
      if (created.statusCode !== 201) throw new Error(`channel not created: ${created.statusCode} ${created.body}`);
      channels.push({ platform, id: created.json().id });
    },
    waitFor: (event, app, timeoutMs = 60_000) =>
      eventually(
        async () => received.find((r) => r.event === event && r.payload.app?.name === app),
        `${event} for ${app}`,
        timeoutMs,
      ).catch((error: Error) => {
        const got = received.map((r) => `${r.event} (${r.payload.app?.name})`).join(", ") || "nothing";
        throw new Error(`${error.message}; got ${got}`);
      }),
    async close() {
      for (const { platform, id } of channels.splice(0))
        await platform.api.inject({ method: "DELETE", url: `/api/notifications/${id}`, headers: platform.auth });
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
