import { readOperatorCertificates, requestCertificate } from "@pier/certificates";
import type { PrismaClient, ReleaseKind, Trigger } from "@pier/db";
import type { Redis } from "ioredis";
import { productionWithItsCount } from "@pier/replicas";
import { announceRouteChange, waitForRouter } from "@pier/routing";
import { storedDomains } from "@pier/shared";
import { syncConfigDomains, type ConfigDomainsChange } from "./domains.ts";

export interface SwitchRequest {
  appId: string;
  toDeploymentId: string;
  kind: ReleaseKind;
  cause: Trigger;
  /** Why, for a release Pier makes unasked (cause AUTO). */
  reason?: string;
  routerAckTimeoutMs: number;
  /** PIER_TLS_CERT_DIR: a pier.json domain an operator's certificate covers needs no certificate of its own. */
  tlsCertDir: string | undefined;
}

export interface SwitchResult {
  version: number;
  fromDeploymentId: string | null;
  /** The router confirmed it serves the new production. */
  routed: boolean;
  /** How the app's pier.json domains changed to the deployment's; null when it recorded none (left as they were). */
  domains: ConfigDomainsChange | null;
}

/**
 * Points the app's production at a deployment (and its desired replicas at that deployment's count) and
 * records the release (v1, v2, …) in one transaction, then tells the router and waits for it to confirm.
 * The app's pier.json domains become the deployment's in the same transaction (syncConfigDomains), so the
 * router's next table serves them with the code that lists them; their certificates are asked for once it commits.
 * The app row is locked so release numbers never collide and two switches never interleave.
 */
export async function switchProduction(
  prisma: PrismaClient,
  redis: Redis,
  request: SwitchRequest,
): Promise<SwitchResult> {
  // A file that can't be read covers nothing here (its names get ACME certificates); the deploy log says so.
  const unreadable: string[] = [];
  const operator = await readOperatorCertificates(request.tlsCertDir, (error) => unreadable.push(error.message));
  const result = await prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT 1 FROM "App" WHERE "id" = ${request.appId} FOR UPDATE`;
    const app = await tx.app.findUniqueOrThrow({ where: { id: request.appId } });
    const last = await tx.release.findFirst({ where: { appId: request.appId }, orderBy: { version: "desc" } });
    const version = (last?.version ?? 0) + 1;
    await tx.release.create({
      data: {
        appId: request.appId,
        version,
        kind: request.kind,
        cause: request.cause,
        reason: request.reason ?? null,
        fromDeploymentId: app.productionDeploymentId,
        toDeploymentId: request.toDeploymentId,
      },
    });
    await productionWithItsCount(tx, request.appId, request.toDeploymentId);
    const target = await tx.deployment.findUniqueOrThrow({
      where: { id: request.toDeploymentId },
      select: { domains: true },
    });
    const listed = storedDomains(target.domains);
    const domains = listed ? await syncConfigDomains(tx, request.appId, listed, operator) : null;
    domains?.unreadable.push(...unreadable);
    return { version, fromDeploymentId: app.productionDeploymentId, domains };
  });
  for (const name of result.domains?.certificates ?? []) await requestCertificate(redis, name);
  const generation = await announceRouteChange(redis);
  const routed = await waitForRouter(redis, generation, request.routerAckTimeoutMs);
  return { ...result, routed };
}
