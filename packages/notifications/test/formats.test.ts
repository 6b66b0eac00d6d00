import type { NotificationEvent } from "@pier/shared";
import { describe, expect, it } from "vitest";
import { channelTestEvent } from "../src/event.ts";
import { DISCORD_MAX_CONTENT, renderBody, type DiscordBody, type SlackBody } from "../src/formats.ts";

const ids = { channelId: "chan0123456789ab", deliveryId: "dlv0123456789abc" };
const event: NotificationEvent = {
  event: "deployment.failed",
  app: { id: "app0123456789abc", name: "web" },
  summary: "web: deployment 3f2a9c1b failed",
  details: {
    deploymentId: "3f2a9c1b",
    reason: "npm run build exited with 1",
    exitCode: 1,
    replicas: { from: 2, to: 1 },
  },
  at: "2026-11-26T15:00:00.000Z",
};

describe("rendering an event for each channel format", () => {
  it("json: the event itself plus channelId and deliveryId", () => {
    expect(renderBody("json", event, ids)).toEqual({ ...event, ...ids });
  });

  it("slack: { text } with the summary first, then the app, details and the event name and time", () => {
    const body = renderBody("slack", event, ids) as SlackBody;
    expect(Object.keys(body)).toEqual(["text"]);
    const lines = body.text.split("\n");
    expect(lines[0]).toBe("[Pier] web: deployment 3f2a9c1b failed");
    expect(lines).toContain("app: web");
    expect(lines).toContain("reason: npm run build exited with 1");
    expect(lines).toContain("exitCode: 1");
    expect(lines).toContain('replicas: {"from":2,"to":1}');
    expect(lines.at(-1)).toBe("event: deployment.failed at 2026-11-26T15:00:00.000Z");
  });

  it("slack: escapes &, < and > so a summary can't become a link or a mention", () => {
    const body = renderBody("slack", { ...event, summary: "a <!channel> & <http://x|y>" }, ids) as SlackBody;
    expect(body.text.split("\n")[0]).toBe("[Pier] a &lt;!channel&gt; &amp; &lt;http://x|y&gt;");
  });

  it("discord: { content } of at most 2000 characters, and no mentions", () => {
    const body = renderBody("discord", event, ids) as DiscordBody;
    expect(body.content.split("\n")[0]).toBe("[Pier] web: deployment 3f2a9c1b failed");
    expect(body.allowed_mentions).toEqual({ parse: [] });

    const details = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, "x".repeat(1_000)]));
    const huge = renderBody("discord", { ...event, summary: "s".repeat(5_000), details }, ids) as DiscordBody;
    expect(huge.content.length).toBe(DISCORD_MAX_CONTENT);
    expect(huge.content.endsWith("…")).toBe(true);
  });

  it("chat formats keep a few short details; the JSON format keeps them all", () => {
    const details = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`k${i}`, "y".repeat(500)]));
    const text = (renderBody("slack", { ...event, details }, ids) as SlackBody).text;
    const detailLines = text.split("\n").filter((l) => /^k\d+: /.test(l));
    expect(detailLines).toHaveLength(8);
    expect(detailLines.every((l) => l.length <= "k00: ".length + 200)).toBe(true);
    expect(text).toContain("(4 more)");
    expect((renderBody("json", { ...event, details }, ids) as { details: object }).details).toEqual(details);
  });

  it("an event without app or details, and the test event, render too", () => {
    const bare: NotificationEvent = { event: "app.down", summary: "api is down", at: "2026-11-26T15:00:00.000Z" };
    expect((renderBody("slack", bare, ids) as SlackBody).text).toBe(
      "[Pier] api is down\nevent: app.down at 2026-11-26T15:00:00.000Z",
    );
    const test = channelTestEvent(ids.channelId, new Date("2026-11-26T15:00:00.000Z"));
    expect(renderBody("json", test, ids)).toMatchObject({
      event: "channel.test",
      details: { channelId: ids.channelId },
    });
  });
});
