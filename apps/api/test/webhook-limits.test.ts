import { randomBytes, randomInt } from "node:crypto";
import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { buildApp } from "../src/build-app.ts";
import { testConfig } from "../../../tests/support/platform.ts";
import { deliveryHeaders, pingPayload, sign } from "../../../tests/support/github.ts";

/**
 * Sends only the head of a request (the body never comes) and returns the status line's code, or "no
 * answer". From a loopback address of its own (Linux answers all of 127.0.0.0/8), so it is a sender of its own.
 */
async function statusBeforeBody(
  port: number,
  path: string,
  headers: Record<string, string>,
  waitMs = 10_000,
): Promise<number | "no answer"> {
  const socket = connect({
    port,
    host: "127.0.0.1",
    localAddress: `127.${randomInt(1, 255)}.${randomInt(256)}.${randomInt(1, 255)}`,
  });
  socket.on("error", () => {});
  try {
    const head = [
      `POST ${path} HTTP/1.1`,
      "Host: 127.0.0.1",
      ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
      "",
      "",
    ].join("\r\n");
    socket.write(head);
    return await new Promise((resolve) => {
      let received = "";
      const timer = setTimeout(() => resolve("no answer"), waitMs);
      socket.on("data", (chunk) => {
        received += chunk.toString("latin1");
        const match = /^HTTP\/1\.1 (\d{3})/.exec(received);
        if (match) {
          clearTimeout(timer);
          resolve(Number(match[1]));
        }
      });
    });
  } finally {
    socket.destroy();
  }
}

describe("webhook limits", () => {
  let app: FastifyInstance;
  let port = 0;
  const config = testConfig({ PIER_WEBHOOK_RATE_LIMIT_PER_MINUTE: "3", PIER_WEBHOOK_BODY_LIMIT_MB: "1" });
  const auth = { authorization: `Bearer ${config.PIER_ADMIN_TOKEN}` };
  const created: string[] = [];
  const ping = JSON.stringify(pingPayload());
  /** A sender address of its own per test: refused deliveries are counted per address, in a Redis other tests share. */
  const newSender = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;

  const newApp = async () => {
    const name = `wl-${randomBytes(3).toString("hex")}`;
    const res = await app.inject({
      method: "POST",
      url: "/api/apps",
      headers: auth,
      payload: { name, repoUrl: "https://github.com/pier-dev/hello.git" },
    });
    expect(res.statusCode).toBe(201);
    created.push(name);
    return { name, secret: res.json().webhookSecret as string };
  };
  const deliver = (name: string, from: string, headers: Record<string, string>, body = ping) =>
    app.inject({ method: "POST", url: `/webhooks/github/${name}`, remoteAddress: from, headers, payload: body });

  beforeAll(async () => {
    app = await buildApp(config, { logger: false });
    await app.listen({ host: "127.0.0.1", port: 0 });
    port = (app.server.address() as { port: number }).port;
  });
  afterAll(async () => {
    for (const name of created) await app.inject({ method: "DELETE", url: `/api/apps/${name}`, headers: auth });
    await app.close();
  });

  it("deliveries for apps that don't exist are 404s that spend no budget", async () => {
    const target = await newApp();
    const from = newSender();
    const invented = `nope-${randomBytes(3).toString("hex")}`;
    const statuses: number[] = [];
    // More than the budget of 3 to one made-up name, and more made-up names.
    for (const name of [invented, invented, invented, invented, `${invented}-2`, "Not_A_Name"])
      statuses.push((await deliver(name, from, deliveryHeaders("ping", "whatever", ping))).statusCode);
    expect(statuses).toEqual([404, 404, 404, 404, 404, 404]);
    expect((await deliver(target.name, from, deliveryHeaders("ping", target.secret, ping))).statusCode).toBe(200);
  });

  it("unsigned and wrongly signed deliveries spend their sender's budget, never the app's", async () => {
    const target = await newApp();
    const attacker = newSender();
    const { "x-hub-signature-256": _omit, ...unsigned } = deliveryHeaders("ping", target.secret, ping);
    const wrong = { ...unsigned, "x-hub-signature-256": sign("not-the-secret", ping) };
    const statuses: number[] = [];
    for (const headers of [unsigned, wrong, unsigned, wrong, wrong])
      statuses.push((await deliver(target.name, attacker, headers)).statusCode);
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
    // GitHub's deliveries still arrive, from anywhere (the app's budget of 3 is untouched).
    for (const from of [newSender(), newSender(), attacker])
      expect((await deliver(target.name, from, deliveryHeaders("ping", target.secret, ping))).statusCode).toBe(200);
  });

  it("signed deliveries are limited per app", async () => {
    const [busy, quiet] = [await newApp(), await newApp()];
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++)
      statuses.push((await deliver(busy.name, newSender(), deliveryHeaders("ping", busy.secret, ping))).statusCode);
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect((await deliver(quiet.name, newSender(), deliveryHeaders("ping", quiet.secret, ping))).statusCode).toBe(200);
  });

  it("bodies over PIER_WEBHOOK_BODY_LIMIT_MB are a 413", async () => {
    const target = await newApp();
    const big = JSON.stringify({ ...pingPayload(), padding: "x".repeat(1024 * 1024) });
    const res = await deliver(target.name, newSender(), deliveryHeaders("ping", target.secret, big), big);
    expect(res.statusCode).toBe(413);
  });

  it("answers by the head alone, without waiting for a body: unknown app, unsigned, too large", async () => {
    const target = await newApp();
    const head = { "Content-Type": "application/json", "Content-Length": String(2 * 1024 * 1024), Connection: "close" };
    const signedHead = { ...head, "X-GitHub-Event": "ping", "X-Hub-Signature-256": sign(target.secret, "") };
    expect(await statusBeforeBody(port, `/webhooks/github/nope-${randomBytes(3).toString("hex")}`, signedHead)).toBe(
      404,
    );
    expect(await statusBeforeBody(port, `/webhooks/github/${target.name}`, head)).toBe(401);
    expect(await statusBeforeBody(port, `/webhooks/github/${target.name}`, signedHead)).toBe(413);
  });
});
