/**
 * A registry's answer to a request without the right credentials (401 with WWW-Authenticate): Basic (its own
 * password file) or Bearer (a token service, as Docker Hub and most hosted registries: the client asks `realm`
 * for a token for `service` and `scope`, then repeats the request with it).
 */
export type AuthChallenge =
  | { scheme: "basic"; realm: string | null }
  | { scheme: "bearer"; realm: string; service: string | null; scope: string | null };

/** Parses a WWW-Authenticate header; null when it names no scheme a registry client knows. */
export function parseChallenge(header: string | null): AuthChallenge | null {
  if (!header) return null;
  const match = /^\s*(\w+)\s*(.*)$/s.exec(header);
  if (!match) return null;
  const params = new Map<string, string>();
  // key="value" (a scope's value has commas in it: "repository:pier/web:pull,push") or key=token.
  for (const p of match[2]!.matchAll(/(\w+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]*))/g)) {
    params.set(p[1]!.toLowerCase(), (p[2] ?? p[3] ?? "").replace(/\\(.)/g, "$1"));
  }
  switch (match[1]!.toLowerCase()) {
    case "basic":
      return { scheme: "basic", realm: params.get("realm") ?? null };
    case "bearer": {
      const realm = params.get("realm");
      if (!realm) return null;
      return { scheme: "bearer", realm, service: params.get("service") ?? null, scope: params.get("scope") ?? null };
    }
    default:
      return null;
  }
}

/** The URL a token is asked for at (the token service's GET), for this scope. */
export function tokenUrl(challenge: Extract<AuthChallenge, { scheme: "bearer" }>, scope: string | null): string {
  const url = new URL(challenge.realm);
  if (challenge.service) url.searchParams.set("service", challenge.service);
  if (scope) url.searchParams.set("scope", scope);
  return url.toString();
}
