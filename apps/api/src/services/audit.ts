import type { AuditEvent, PrismaClient } from "@pier/db";
import { randomId } from "@pier/shared";
import { randomBytes } from "node:crypto";
import type { Principal } from "../plugins/app/auth.ts";

/** One change asked of Pier, as the audit log keeps it: never a body, a query string or a secret. */
export interface AuditEntry {
  principal: Principal;
  method: string;
  /** The route's pattern: /api/apps/:name/env. */
  route: string;
  /** The path asked for, without its query string. */
  path: string;
  /** The app's name, when the route has :name. */
  target: string | null;
  status: number;
  ip: string | null;
}

/** Who, as the log names them: the token's name, "admin token" or "dashboard session". */
export function actorOf(principal: Principal): { actor: string; actorKind: Principal["kind"]; tokenId: string | null } {
  if (principal.kind === "token") return { actor: principal.name, actorKind: "token", tokenId: principal.tokenId };
  return { actor: principal.kind === "admin" ? "admin token" : "dashboard session", actorKind: principal.kind, tokenId: null };
}

export async function recordAuditEvent(prisma: PrismaClient, entry: AuditEntry): Promise<void> {
  const { principal, ...what } = entry;
  await prisma.auditEvent.create({ data: { id: randomId(16, randomBytes), ...actorOf(principal), ...what } });
}

/** Newest first; only one app's with `app`. */
export function listAuditEvents(prisma: PrismaClient, options: { app?: string | undefined; limit: number }): Promise<AuditEvent[]> {
  return prisma.auditEvent.findMany({ where: options.app ? { target: options.app } : {}, orderBy: [{ at: "desc" }, { id: "desc" }], take: options.limit });
}
