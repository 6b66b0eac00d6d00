import type { PrismaClient } from "@pier/db";
import type { NotifyDeps } from "@pier/notifications";
import type { Logger, PierConfig } from "@pier/shared";
import type { Redis } from "ioredis";

/** What issuing and renewing certificates needs. */
export interface CertificateDeps {
  config: PierConfig;
  prisma: PrismaClient;
  /** Where challenge answers wait for the CA (the routers answer from there). */
  redis: Redis;
  /** The notifications queue; without it, nobody is told. */
  notifications?: NotifyDeps["queue"];
  logger: Logger;
}

/** The app a certificate's name belongs to (a domain of it), or null (the API's own PIER_API_DOMAIN). */
export type CertificateOwner = { id: string; name: string } | null;
