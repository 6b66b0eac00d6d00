import { deliveryJob, notify, type NotifyDeps } from "@pier/notifications";
import type { NotificationEvent } from "@pier/shared";
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { eventually } from "../support/eventually.ts";
import { startPlatform, type Platform } from "../support/platform.ts";

/** What the receiver saw of one request. */
interface Received {
  path: string;
  headers: http.IncomingHttpHeaders;
  raw: Buffer;
  /** performance.now() when the whole body had arrived. */
  at: number;
}

/**
 * One HTTP receiver for the whole file; each channel gets its own path, and each path answers with the
 * statuses it is given in turn (then 200).
 */
function startReceiver() {
  const received: Received[] = [];
  const scripts = new Map<string, number[]>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const path = req.url ?? "/";
      received.push({ path, headers: req.headers, raw: Buffer.concat(chunks), at: performance.now() });
      const status = scripts.get(path)?.shift() ?? 200;
      res.writeHead(status, { "content-type": "text/plain" }).end(status < 300 ? "ok" : `receiver says no (${status})`);
    });
  });
  return {
    received,
    /** Answers `statuses` in turn on `path`, then 200. */
    script: (path: string, statuses: number[]) => scripts.set(path, [...statuses]),
    at: (path: string) => received.filter((r) => r.path === path),
    listen: () =>
      new Promise<string>((resolve) =>
        server.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)),
      ),
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}

/** eventually(), named first: `check` answers undefined until what it waits for is there. */
const waitFor = <T>(what: string, check: () => T | undefined | Promise<T | undefined>, timeoutMs = 30_000) =>
  eventually(async () => (await check()) ?? false, what, timeoutMs, 20) as Promise<T>;

/** What a receiver does with X-Pier-Signature-256, written here from scratch so the test doesn't trust Pier's own. */
function verifies(secret: string, raw: Buffer, header: string | string[] | undefined): boolean {
  if (typeof header !== "string" || !header.startsWith("sha256=")) return false;
  const expected = createHmac("sha256", secret).update(raw).digest();
  const got = Buffer.from(header.slice("sha256=".length), "hex");
  return got.length === expected.length && timingSafeEqual(got, expected);
}

interface Delivery {
  id: string;
  channelId: string;
  event: string;
  status: string;
  attempts: number;
  responseStatus: number | null;
  lastError: string | null;
  payload: Record<string, unknown>;
  deliveredAt: string | null;
}

describe("notification channels: signed alerts to webhooks, retried, with a visible history", () => {
  let platform: Platform;
  let deps: NotifyDeps;
  const receiver = startReceiver();
  let base = "";
  const created: string[] = [];
  const tag = randomBytes(3).toString("hex");

  const createChannel = async (path: string, format: string, events?: string[]) => {
    const res = await platform.api.inject({
      method: "POST",
      url: "/api/notifications",
      headers: platform.auth,
      payload: { url: `${base}${path}`, format, apps: [`notify-${tag}`], ...(events ? { events } : {}) },
    });
    expect(res.statusCode, res.body).toBe(201);
    // Other test files deploy and scale apps at the same time: this file's channels hear of its own app only.
    const channel = res.json() as {
      id: string;
      url: string;
      format: string;
      events: string[];
      apps: string[];
      secret: string;
      createdAt: string;
    };
    created.push(channel.id);
    return channel;
  };
  const deliveries = async (channelId: string): Promise<Delivery[]> => {
    const res = await platform.api.inject({
      method: "GET",
      url: `/api/notifications/${channelId}/deliveries?limit=20`,
      headers: platform.auth,
    });
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as { deliveries: Delivery[] }).deliveries;
  };
  const event = (
    name: NotificationEvent["event"],
    summary: string,
    details?: Record<string, unknown>,
  ): NotificationEvent => ({
    event: name,
    app: { id: `app${tag}`, name: `notify-${tag}` },
    summary,
    ...(details ? { details } : {}),
    at: new Date().toISOString(),
  });

  beforeAll(async () => {
    base = await receiver.listen();
    platform = await startPlatform();
    deps = { prisma: platform.prisma, queue: platform.api.pier.notifications };
  });
  afterEach(async () => {
    // Channels get every event by default: one test's channels must not receive the next test's alerts.
    for (const id of created.splice(0))
      await platform.api.inject({ method: "DELETE", url: `/api/notifications/${id}`, headers: platform.auth });
  });
  afterAll(async () => {
    await platform?.close();
    await receiver.close();
  });

  it("a JSON channel gets the alert, signed with its secret, and the delivery shows as DELIVERED", async () => {
    const channel = await createChannel(`/json-${tag}`, "json");
    expect(channel).toMatchObject({ url: `${base}/json-${tag}`, format: "json", events: [] });
    expect(channel.id).toMatch(/^[a-z0-9]{16}$/);
    expect(channel.secret).toMatch(/^[0-9a-f]{64}$/);

    const latencies: number[] = [];
    for (let i = 0; i < 5; i++) {
      const alert = event("deployment.failed", `notify-${tag}: deployment ${i} failed`, {
        deploymentId: `d${i}`,
        reason: "npm run build exited with 1",
      });
      const sentAt = performance.now();
      expect(await notify(deps, alert)).toBeGreaterThanOrEqual(1);
      const got = await waitFor(`delivery ${i}`, () => receiver.at(`/json-${tag}`)[i]);
      latencies.push(got.at - sentAt);

      const body = JSON.parse(got.raw.toString("utf8")) as Record<string, unknown>;
      expect(body).toMatchObject({ ...alert, channelId: channel.id });
      expect(got.headers["content-type"]).toBe("application/json");
      expect(got.headers["x-pier-event"]).toBe("deployment.failed");
      expect(got.headers["x-pier-delivery"]).toBe(body.deliveryId);
      expect(verifies(channel.secret, got.raw, got.headers["x-pier-signature-256"])).toBe(true);
      expect(verifies("not-the-secret", got.raw, got.headers["x-pier-signature-256"])).toBe(false);
    }
    // Event → receiver: the first includes the worker's first pick-up from Redis. How soon is a figure
    // (bench/alert-latency.ts); here, that each arrives.
    const sorted = [...latencies].sort((a, b) => a - b);
    console.log(
      `alert latency (notify() → receiver has the body), 5 alerts: ` +
        `${latencies.map((l) => `${l.toFixed(1)} ms`).join(", ")}; ` +
        `median ${sorted[2]!.toFixed(1)} ms, max ${sorted[4]!.toFixed(1)} ms`,
    );

    const history = await waitFor("5 DELIVERED rows", async () => {
      const rows = await deliveries(channel.id);
      return rows.length === 5 && rows.every((d) => d.status === "DELIVERED") ? rows : undefined;
    });
    // Newest first.
    expect(history.map((d) => (d.payload.details as { deploymentId: string }).deploymentId)).toEqual([
      "d4",
      "d3",
      "d2",
      "d1",
      "d0",
    ]);
    expect(history[0]).toMatchObject({
      channelId: channel.id,
      event: "deployment.failed",
      attempts: 1,
      responseStatus: 200,
      lastError: null,
    });
    expect(history[0]!.deliveredAt).not.toBeNull();
    expect(history[0]!.id).toBe(JSON.parse(receiver.at(`/json-${tag}`)[4]!.raw.toString("utf8")).deliveryId);
    const limited = await platform.api.inject({
      method: "GET",
      url: `/api/notifications/${channel.id}/deliveries?limit=2`,
      headers: platform.auth,
    });
    expect(limited.json().deliveries).toHaveLength(2);

    // The list shows the channel, never a secret.
    const list = await platform.api.inject({ method: "GET", url: "/api/notifications", headers: platform.auth });
    expect(list.statusCode).toBe(200);
    expect(list.json().channels).toContainEqual({
      id: channel.id,
      url: channel.url,
      format: "json",
      events: [],
      apps: [`notify-${tag}`],
      createdAt: channel.createdAt,
      // Every delivery got through: healthy, its last success the newest delivery's.
      health: { lastSuccessAt: history[0]!.deliveredAt, failingSince: null, lastError: null, failuresInRow: 0 },
    });
    expect(list.body).not.toContain(channel.secret);
  });

  it("a receiver answering 500 twice gets retries with back-off: DELIVERED after 3 attempts", async () => {
    const path = `/flaky-${tag}`;
    receiver.script(path, [500, 500]);
    const channel = await createChannel(path, "json", ["app.down"]);
    const started = performance.now();
    await notify(deps, event("app.down", `notify-${tag} is down`));

    const delivered = await waitFor(
      "the third attempt to succeed",
      async () => (await deliveries(channel.id)).find((d) => d.status === "DELIVERED"),
      30_000,
    );
    expect(delivered).toMatchObject({ attempts: 3, responseStatus: 200, lastError: null });
    const attempts = receiver.at(path);
    expect(attempts).toHaveLength(3);
    // The same delivery, byte for byte, each time.
    expect(new Set(attempts.map((a) => a.headers["x-pier-delivery"]))).toEqual(new Set([delivered.id]));
    expect(new Set(attempts.map((a) => a.raw.toString("utf8"))).size).toBe(1);
    expect(attempts.every((a) => verifies(channel.secret, a.raw, a.headers["x-pier-signature-256"]))).toBe(true);
    // Back-off: 1 s, then 2 s.
    expect(attempts[1]!.at - attempts[0]!.at).toBeGreaterThanOrEqual(900);
    expect(attempts[2]!.at - attempts[1]!.at).toBeGreaterThanOrEqual(1_900);
    console.log(`retried delivery (500, 500, 200) delivered after ${(attempts[2]!.at - started).toFixed(0)} ms`);
  });

  it("when the last attempt fails the delivery is FAILED, with the receiver's answer", async () => {
    const path = `/down-${tag}`;
    receiver.script(path, [503, 503, 503]);
    const channel = await createChannel(path, "json", ["app.crash_loop"]);
    // Eight attempts take two minutes; this job has two, the rest of the path is the same.
    const alert = event("app.crash_loop", `notify-${tag} keeps crashing`);
    const row = await platform.prisma.notificationDelivery.create({
      data: {
        id: `dl${tag}${randomBytes(4).toString("hex")}`,
        channelId: channel.id,
        event: alert.event,
        payload: JSON.parse(JSON.stringify(alert)),
      },
    });
    await deps.queue.add(
      deliveryJob.name,
      { deliveryId: row.id },
      { ...deliveryJob.options, attempts: 2, jobId: row.id },
    );

    const failed = await waitFor(
      "FAILED",
      async () => (await deliveries(channel.id)).find((d) => d.status === "FAILED"),
      30_000,
    );
    expect(failed).toMatchObject({ id: row.id, attempts: 2, responseStatus: 503, deliveredAt: null });
    expect(failed.lastError).toBe("receiver answered 503: receiver says no (503)");
    expect(receiver.at(path)).toHaveLength(2);
  });

  it("a channel subscribed to other events gets nothing", async () => {
    const quiet = await createChannel(`/quiet-${tag}`, "json", ["app.down", "alert.latency"]);
    const all = await createChannel(`/all-${tag}`, "json");
    expect(quiet.events).toEqual(["app.down", "alert.latency"]);

    await notify(deps, event("deployment.ready", `notify-${tag}: deployment is live`));
    // The channel that wants everything got it: the worker has handled this alert.
    await waitFor("the delivery to the all-events channel", () => receiver.at(`/all-${tag}`)[0]);
    await waitFor("its row DELIVERED", async () =>
      (await deliveries(all.id))[0]?.status === "DELIVERED" ? true : undefined,
    );
    expect(receiver.at(`/quiet-${tag}`)).toEqual([]);
    expect(await deliveries(quiet.id)).toEqual([]);

    await notify(
      deps,
      event("alert.latency", `notify-${tag}: p95 1200 ms over 500 ms`, { p95Ms: 1200, thresholdMs: 500 }),
    );
    const got = await waitFor("the subscribed event", () => receiver.at(`/quiet-${tag}`)[0]);
    expect(got.headers["x-pier-event"]).toBe("alert.latency");
  });

  it("Slack gets { text } and Discord { content } of at most 2000 characters, unsigned", async () => {
    await createChannel(`/slack-${tag}`, "slack", ["deployment.ready"]);
    await createChannel(`/discord-${tag}`, "discord", ["deployment.ready"]);
    const details = { deploymentId: "3f2a9c1b", log: "x".repeat(3_000), note: "<!channel> & @everyone" };
    await notify(deps, event("deployment.ready", `notify-${tag}: deployment 3f2a9c1b is live`, details));

    const slack = await waitFor("the Slack delivery", () => receiver.at(`/slack-${tag}`)[0]);
    const slackBody = JSON.parse(slack.raw.toString("utf8")) as { text: string };
    expect(Object.keys(slackBody)).toEqual(["text"]);
    const lines = slackBody.text.split("\n");
    expect(lines[0]).toBe(`[Pier] notify-${tag}: deployment 3f2a9c1b is live`);
    expect(lines).toContain(`app: notify-${tag}`);
    expect(lines).toContain("deploymentId: 3f2a9c1b");
    expect(lines).toContain("note: &lt;!channel&gt; &amp; @everyone");
    expect(slack.headers["content-type"]).toBe("application/json");
    expect(slack.headers["x-pier-signature-256"]).toBeUndefined();

    const discord = await waitFor("the Discord delivery", () => receiver.at(`/discord-${tag}`)[0]);
    const discordBody = JSON.parse(discord.raw.toString("utf8")) as { content: string; allowed_mentions: unknown };
    expect(Object.keys(discordBody).sort()).toEqual(["allowed_mentions", "content"]);
    expect(
      discordBody.content.startsWith(`[Pier] notify-${tag}: deployment 3f2a9c1b is live\napp: notify-${tag}\n`),
    ).toBe(true);
    expect(discordBody.content.length).toBeLessThanOrEqual(2_000);
    expect(discordBody.allowed_mentions).toEqual({ parse: [] });
    expect(discord.headers["x-pier-signature-256"]).toBeUndefined();
  });

  it("the test route sends channel.test to the channel, whatever it subscribes to", async () => {
    const channel = await createChannel(`/ping-${tag}`, "json", ["app.down"]);
    const res = await platform.api.inject({
      method: "POST",
      url: `/api/notifications/${channel.id}/test`,
      headers: platform.auth,
    });
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json()).toMatchObject({ channelId: channel.id, event: "channel.test", status: "PENDING", attempts: 0 });

    const got = await waitFor("the test delivery", () => receiver.at(`/ping-${tag}`)[0]);
    expect(got.headers["x-pier-event"]).toBe("channel.test");
    expect(got.headers["x-pier-delivery"]).toBe(res.json().id);
    expect(verifies(channel.secret, got.raw, got.headers["x-pier-signature-256"])).toBe(true);
    expect(JSON.parse(got.raw.toString("utf8"))).toMatchObject({
      event: "channel.test",
      summary: "Test notification from Pier: this channel receives alerts",
      channelId: channel.id,
    });
  });

  it("deleting a channel ends its deliveries: a retry waiting for its turn is never sent", async () => {
    const path = `/deleted-${tag}`;
    receiver.script(path, [503, 503, 503]);
    const channel = await createChannel(path, "json", ["app.down"]);
    await notify(deps, event("app.down", `notify-${tag} is down`));
    await waitFor("the first attempt", async () => receiver.at(path).length === 1 || undefined, 30_000);
    const [delivery] = await deliveries(channel.id);
    const del = await platform.api.inject({
      method: "DELETE",
      url: `/api/notifications/${channel.id}`,
      headers: platform.auth,
    });
    expect(del.statusCode).toBe(200);
    // The job ends: the retry found no delivery to send (or the job was gone already).
    const ended = async () => {
      const job = await deps.queue.getJob(delivery!.id);
      return job === undefined || (await job.isCompleted()) || undefined;
    };
    await waitFor("the delivery's job to end", ended, 30_000);
    expect(receiver.at(path)).toHaveLength(1);
  });

  it("bad input gets 400 naming the field; unknown channels 404; deleting removes the channel", async () => {
    const post = (payload: object) =>
      platform.api.inject({ method: "POST", url: "/api/notifications", headers: platform.auth, payload });
    const fieldsOf = (res: { json(): unknown }) =>
      (res.json() as { fields: { field: string }[] }).fields.map((f) => f.field);

    const xml = await post({ url: `${base}/x`, format: "xml" });
    expect(xml.statusCode).toBe(400);
    expect(fieldsOf(xml)).toEqual(["format"]);
    const ftp = await post({ url: "ftp://x", format: "json" });
    expect(ftp.statusCode).toBe(400);
    expect(fieldsOf(ftp)).toEqual(["url"]);
    expect(ftp.json().message).toMatch(/^url: must be an http\(s\) URL/);
    const unknownEvent = await post({ url: `${base}/x`, format: "json", events: ["app.down", "app.exploded"] });
    expect(unknownEvent.statusCode).toBe(400);
    expect(fieldsOf(unknownEvent)).toEqual(["events.1"]);
    const extra = await post({ url: `${base}/x`, format: "json", secret: "mine" });
    expect(extra.statusCode).toBe(400);
    const noAuth = await platform.api.inject({ method: "GET", url: "/api/notifications" });
    expect(noAuth.statusCode).toBe(401);

    const missing = "zzzzzzzzzzzzzzzz";
    for (const req of [
      { method: "DELETE" as const, url: `/api/notifications/${missing}` },
      { method: "GET" as const, url: `/api/notifications/${missing}/deliveries` },
      { method: "POST" as const, url: `/api/notifications/${missing}/test` },
    ]) {
      const res = await platform.api.inject({ ...req, headers: platform.auth });
      expect(res.statusCode, `${req.method} ${req.url}`).toBe(404);
      expect(res.json()).toMatchObject({ error: "not_found", fields: [{ field: "id" }] });
    }

    const channel = await createChannel(`/gone-${tag}`, "json");
    const del = await platform.api.inject({
      method: "DELETE",
      url: `/api/notifications/${channel.id}`,
      headers: platform.auth,
    });
    expect(del.statusCode).toBe(200);
    expect(del.json()).toMatchObject({ id: channel.id });
    expect(del.body).not.toContain(channel.secret);
    expect(
      (
        await platform.api.inject({
          method: "GET",
          url: `/api/notifications/${channel.id}/deliveries`,
          headers: platform.auth,
        })
      ).statusCode,
    ).toBe(404);
  });
});
