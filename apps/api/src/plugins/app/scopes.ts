import type { FastifyRequest } from "fastify";
import { AppError } from "../../errors.ts";

/**
 * Who made a request: the admin (PIER_ADMIN_TOKEN), one of the named API tokens (with its scopes), or a
 * dashboard session (signed in with the admin token).
 */
export type Principal =
  | { kind: "admin" }
  | { kind: "token"; tokenId: string; name: string; scopes: TokenScope[] }
  | { kind: "session" };

/** What a named API token may do, ranked: each scope allows everything the ones before it do. */
export const TOKEN_SCOPES = ["read", "deploy", "admin"] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

/** A scope, or "admin token": PIER_ADMIN_TOKEN (or a dashboard session, signed in with it) and nothing else. */
type Need = TokenScope | "admin token";

/**
 * Every API route's need, in one place. By default a read (GET, HEAD) needs `read` and any other method
 * `admin`; the exceptions are listed here, by method and route pattern, then those that depend on the
 * query. A route added later is admin-only for changes until it is listed.
 */
const EXCEPTIONS: Record<string, Need> = {
  // deploy: ship the branch head, move production between existing builds, set the replica count.
  "POST /api/apps/:name/deploy": "deploy",
  "POST /api/deployments/:id/redeploy": "deploy",
  "POST /api/apps/:name/rollback": "deploy",
  "POST /api/apps/:name/promote": "deploy",
  "POST /api/apps/:name/scale": "deploy",
  // Feature flags: switching a feature on or off is a release decision, like a rollback.
  "PUT /api/apps/:name/flags": "deploy",
  "DELETE /api/apps/:name/flags/:key": "deploy",
  // Gradual rollouts: start, pause, resume, promote, abort, release decisions like a promote.
  "POST /api/apps/:name/rollouts": "deploy",
  "POST /api/apps/:name/rollouts/:id/pause": "deploy",
  "POST /api/apps/:name/rollouts/:id/resume": "deploy",
  "POST /api/apps/:name/rollouts/:id/promote": "deploy",
  "POST /api/apps/:name/rollouts/:id/abort": "deploy",
  // Reads that show secrets or who did what: admin. The export's compose file holds the env values.
  "GET /api/apps/:name/export": "admin",
  "GET /api/audit": "admin",
  // Repository credentials: only their kind and hint show, still an admin's business.
  "GET /api/apps/:name/credentials": "admin",
  "GET /api/settings/github-app": "admin",
  // The join command holds the swarm's join token: whoever has it can add a machine.
  "GET /api/nodes/join": "admin",
  // A leaked token can't mint more tokens, nor revoke the others, whatever its scope.
  "GET /api/tokens": "admin token",
  "POST /api/tokens": "admin token",
  "DELETE /api/tokens/:id": "admin token",
};

/** Requests that need more with a query parameter: the env values themselves. */
const QUERY_EXCEPTIONS: Record<string, { param: string; value: string; need: Need }> = {
  "GET /api/apps/:name/env": { param: "reveal", value: "true", need: "admin" },
};

/** What a request to `route` needs (HEAD as GET), and what it is called in a refusal. */
export function neededScope(
  method: string,
  route: string,
  query: Record<string, unknown> = {},
): { need: Need; what: string } {
  const key = `${method === "HEAD" ? "GET" : method} ${route}`;
  const byQuery = QUERY_EXCEPTIONS[key];
  if (byQuery && query[byQuery.param] === byQuery.value)
    return { need: byQuery.need, what: `${key}?${byQuery.param}=${byQuery.value}` };
  return { need: EXCEPTIONS[key] ?? (key.startsWith("GET ") ? "read" : "admin"), what: key };
}

/** A token's scope is the highest it was given. */
export function tokenScope(scopes: readonly TokenScope[]): TokenScope {
  return TOKEN_SCOPES.findLast((s) => scopes.includes(s)) ?? "read";
}

function allows(principal: Principal, need: Need): boolean {
  if (principal.kind !== "token") return true;
  if (need === "admin token") return false;
  return TOKEN_SCOPES.indexOf(tokenScope(principal.scopes)) >= TOKEN_SCOPES.indexOf(need);
}

/** Whether answers may carry secrets (an app's webhook secret): the admin scope only. */
export const maySeeSecrets = (principal: Principal | undefined): boolean =>
  principal !== undefined && allows(principal, "admin");

/** Refuses (403, naming the scope needed) a request its principal's scope doesn't cover. */
export function checkScope(request: FastifyRequest, principal: Principal): void {
  const route = request.routeOptions.url;
  if (!route) return;
  const { need, what } = neededScope(request.method, route, (request.query ?? {}) as Record<string, unknown>);
  if (principal.kind !== "token" || allows(principal, need)) return;
  if (need === "admin token") {
    throw new AppError(
      "forbidden",
      `${what} needs the admin token (PIER_ADMIN_TOKEN): API tokens can't manage tokens, whatever their scope`,
    );
  }
  throw new AppError(
    "forbidden",
    `${what} needs the ${need} scope; token "${principal.name}" has ${tokenScope(principal.scopes)}`,
  );
}
