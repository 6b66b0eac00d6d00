import { createPrismaClient } from "@pier/db";
import { loadConfig } from "@pier/shared";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { channelHealth, createChannel, type DeliveryStatus } from "../src/index.ts";

// On the real database: a channel's health is read from its delivery rows, as the delivery worker writes them.
describe("channel health: last success, failing since, the last error", () => {
  const prisma = createPrismaClient(loadConfig().DATABASE_URL);
  let channelId = "";
  const now = Date.now();
  const at = (minutesAgo: number) => new Date(now - minutesAgo * 60_000);

  async function delivery(status: DeliveryStatus, minutesAgo: number, lastError: string | null = null) {
    await prisma.notificationDelivery.create({
      data: {
        id: randomBytes(8).toString("hex"),
        channelId,
        event: "deployment.failed",
        payload: {},
        status,
        attempts: 1,
        lastError,
        createdAt: at(minutesAgo),
        deliveredAt: status === "DELIVERED" ? at(minutesAgo) : null,
      },
    });
  }

  beforeAll(async () => {
    channelId = (await createChannel(prisma, { url: "http://127.0.0.1:9/health", format: "json" })).id;
  });
  afterAll(async () => {
    await prisma.notificationChannel.deleteMany({ where: { id: channelId } });
    await prisma.$disconnect();
  });

  it("untried, then failing from the first failure, then healthy after a success, then failing again", async () => {
    expect(await channelHealth(prisma, channelId)).toEqual({
      lastSuccessAt: null,
      failingSince: null,
      lastError: null,
      failuresInRow: 0,
    });

    await delivery("FAILED", 50, "receiver answered 500");
    await delivery("FAILED", 40, "connect ECONNREFUSED");
    expect(await channelHealth(prisma, channelId)).toEqual({
      lastSuccessAt: null,
      failingSince: at(50),
      lastError: "connect ECONNREFUSED",
      failuresInRow: 2,
    });

    await delivery("DELIVERED", 30);
    // A delivery still being tried says nothing yet.
    await delivery("PENDING", 25);
    expect(await channelHealth(prisma, channelId)).toMatchObject({
      lastSuccessAt: at(30),
      failingSince: null,
      failuresInRow: 0,
    });

    await delivery("FAILED", 20, "receiver answered 404");
    expect(await channelHealth(prisma, channelId)).toEqual({
      lastSuccessAt: at(30),
      failingSince: at(20),
      lastError: "receiver answered 404",
      failuresInRow: 1,
    });
  });
});
