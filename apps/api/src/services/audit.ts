import type { AuditEvent, PrismaClient } from "@pier/db";
import type { AuditChange } from "./audit-changes.ts";
import { randomId } from "@pier/shared";
import { randomBytes } from "node:crypto";
import type { Principal } from "../plugins/app/auth.ts";

/**
 * Who asked, as the log names them: a principal of the API or the dashboard, GitHub (a delivery whose
 * signature checked out), or someone unknown (a sign-in with a wrong token).
 */
export type AuditActorKind = Principal["kind"] | "webhook" | "anonymous";
export const AUDIT_ACTOR_KINDS = [
  "admin",
  "token",
  "session",
  "webhook",
  "anonymous",
] as const satisfies readonly AuditActorKind[];
export interface AuditActor {
  actor: string;
  actorKind: AuditActorKind;
  tokenId: string | null;
}

/** One change asked of Pier, as the audit log keeps it: never a body, a query string or a secret. */
export interface AuditEntry {
  who: AuditActor;
  method: string;
  /** The route's pattern: /api/apps/:name/env. */
  route: string;
  /** The path asked for, without its query string. */
  path: string;
  /** The app's name, when the route has :name (or the change names one, as creating an app does). */
  target: string | null;
  status: number;
  ip: string | null;
  /** What the change changed (audit-changes.ts), when the log could tell; empty or absent: nothing it compares. */
  changes?: AuditChange[];
}

/** The token's name, "admin token" or "dashboard session". */
export function actorOf(principal: Principal): AuditActor {
  if (principal.kind === "token") return { actor: principal.name, actorKind: "token", tokenId: principal.tokenId };
  return {
    actor: principal.kind === "admin" ? "admin token" : "dashboard session",
    actorKind: principal.kind,
    tokenId: null,
  };
}

export const GITHUB_WEBHOOK_ACTOR: AuditActor = { actor: "GitHub webhook", actorKind: "webhook", tokenId: null };
export const WRONG_SIGN_IN_ACTOR: AuditActor = {
  actor: "sign-in with a wrong token",
  actorKind: "anonymous",
  tokenId: null,
};

export async function recordAuditEvent(prisma: PrismaClient, entry: AuditEntry): Promise<void> {
  const { who, changes, ...what } = entry;
  await prisma.auditEvent.create({
    data: { id: randomId(16, randomBytes), ...who, ...what, ...(changes?.length ? { changes } : {}) },
  });
}

/** Newest first; only one app's with `app`. */
export function listAuditEvents(
  prisma: PrismaClient,
  options: { app?: string | undefined; limit: number },
): Promise<AuditEvent[]> {
  return prisma.auditEvent.findMany({
    where: options.app ? { target: options.app } : {},
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: options.limit,
  });
}

/** The changes an event recorded ([] for none); only recordAuditEvent writes them, as AuditChange[]. */
export function auditChangesOf(event: AuditEvent): AuditChange[] {
  return Array.isArray(event.changes) ? (event.changes as unknown as AuditChange[]) : [];
}
