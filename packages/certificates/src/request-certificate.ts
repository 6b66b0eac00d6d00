import type { PrismaClient } from "@pier/db";
import { CERTIFICATES_CHANNEL } from "@pier/shared";
import type { Redis } from "ioredis";
import { makeDueNow } from "./certificate-state.ts";

/** Asks the controllers for a certificate pass now (a domain was added): `name` is issued if it is due. */
export async function requestCertificate(redis: Redis, name: string): Promise<void> {
  await redis.publish(CERTIFICATES_CHANNEL, name);
}

/**
 * Makes `name`'s certificate due at once and asks for a pass: a new one is pending, a failed one is tried again
 * without waiting out its back-off, an issued one is renewed (a new key and serial).
 */
export async function certificateDueNow(prisma: PrismaClient, redis: Redis, name: string): Promise<void> {
  await makeDueNow(prisma, name, new Date());
  await requestCertificate(redis, name);
}
