import { RuntimeRequestError, RuntimeUnavailableError } from "../errors.ts";
import type { RegistrySettings } from "../select.ts";
import { parseChallenge, tokenUrl, type AuthChallenge } from "./challenge.ts";
import { parseRegistryAddress } from "./reference.ts";

/** The credentials an engine pushes and pulls with (Docker's X-Registry-Auth: dockerode's `authconfig`). */
export interface RegistryAuth {
  username: string;
  password: string;
  serveraddress: string;
}

export interface RegistryRequest {
  method: "GET" | "HEAD" | "DELETE" | "POST" | "PUT";
  /** "/v2/…" with its query, or an absolute URL the registry gave (an upload's Location). */
  path: string;
  accept?: string;
  contentType?: string;
  body?: string;
  /** What a token must allow: "repository:pier/web:pull" (null: no scope, as for GET /v2/). */
  scope: string | null;
  /** Completes "Registry … refused to …". */
  what: string;
}

const DEFAULT_TIMEOUT_MS = 30_000;
/** A token's life when the token service doesn't say (the spec's default). */
const DEFAULT_TOKEN_SECONDS = 60;
/** How the TLS layer says the registry's certificate isn't trusted (Node's error codes). */
const UNTRUSTED_CERT = /CERT|SELF_SIGNED|UNABLE_TO_/;
/** How it says the other end doesn't speak TLS. */
const NOT_TLS = /^ERR_SSL_|^EPROTO$/;
/** How fetch says a kept-alive connection was closed by the other end before it answered. */
const STALE_CONNECTION = new Set(["UND_ERR_SOCKET", "ECONNRESET"]);

/** The code of the socket error under a failed fetch ("ECONNREFUSED"), if there was one. */
function causeCode(error: unknown): string | undefined {
  return (error as { cause?: { code?: string } }).cause?.code;
}

/**
 * Requests to a registry (HTTP API v2) with the credentials it asks for: Basic auth when they are set, and the
 * token flow when it answers with a Bearer challenge (Docker Hub and most hosted registries). Failures are the
 * runtime's errors: RuntimeUnavailableError when it can't be reached, RuntimeRequestError when it refuses.
 */
export class RegistryHttp {
  /** "host[:port][/path]", as configured (without a scheme or a trailing slash). */
  readonly address: string;
  readonly host: string;
  /** "" or the path repositories start with. */
  readonly path: string;
  private readonly base: string;
  private readonly tokens = new Map<string, { value: string; until: number }>();

  constructor(
    private readonly settings: RegistrySettings,
    private readonly timeoutMs = DEFAULT_TIMEOUT_MS,
  ) {
    const { host, path } = parseRegistryAddress(settings.address);
    this.host = host;
    this.path = path;
    this.address = path ? `${host}/${path}` : host;
    this.base = `${settings.insecure ? "http" : "https"}://${host}`;
  }

  authConfig(): RegistryAuth | undefined {
    const { username, password } = this.settings;
    if (!username || password === undefined) return undefined;
    return { username, password, serveraddress: this.host };
  }

  /** One request, with the credentials the registry asks for (a Bearer challenge gets a token, then a retry). */
  async send(request: RegistryRequest): Promise<Response> {
    const first = await this.fetch(request, this.authorization(request.scope));
    if (first.status !== 401) return first;
    const challenge = parseChallenge(first.headers.get("www-authenticate"));
    await first.body?.cancel();
    if (challenge?.scheme === "bearer") {
      const token = await this.token(challenge, request);
      const again = await this.fetch(request, `Bearer ${token}`);
      if (again.status !== 401) return again;
      await again.body?.cancel();
    }
    const auth = this.authConfig();
    const credentials = auth
      ? `the credentials of ${auth.username} (PIER_REGISTRY_USERNAME) were not accepted`
      : "it needs credentials (PIER_REGISTRY_USERNAME and PIER_REGISTRY_PASSWORD)";
    throw new RuntimeRequestError(`Registry ${this.address} refused to ${request.what}: ${credentials}`, 401);
  }

  /** A registry's refusal, with the message of its JSON error body ({"errors":[{"code","message"}]}) if any. */
  async refusal(response: Response, what: string): Promise<RuntimeRequestError> {
    const text = await response.text().catch(() => "");
    let detail = text.trim().slice(0, 300);
    try {
      const errors = (JSON.parse(text) as { errors?: Array<{ code?: string; message?: string }> }).errors ?? [];
      if (errors.length) detail = errors.map((e) => [e.code, e.message].filter(Boolean).join(": ")).join("; ");
    } catch {
      // Not JSON (a proxy's page): its text, as it came.
    }
    const message = `Registry ${this.address} refused to ${what}: HTTP ${response.status}${detail ? ` ${detail}` : ""}`;
    return new RuntimeRequestError(message, response.status);
  }

  private authorization(scope: string | null): string | undefined {
    const token = this.tokens.get(scope ?? "");
    if (token && token.until > Date.now()) return `Bearer ${token.value}`;
    return this.basicAuthorization();
  }

  private basicAuthorization(): string | undefined {
    const auth = this.authConfig();
    return auth ? `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString("base64")}` : undefined;
  }

  /** A token from the registry's token service (Docker's token authentication), kept for its lifetime. */
  private async token(challenge: Extract<AuthChallenge, { scheme: "bearer" }>, request: RegistryRequest) {
    const scope = challenge.scope ?? request.scope;
    const url = tokenUrl(challenge, scope);
    const what = `give a token${scope ? ` for ${scope}` : ""} (${request.what})`;
    const response = await this.fetchUrl(url, { method: "GET", authorization: this.basicAuthorization(), what });
    if (!response.ok) throw await this.refusal(response, what);
    const body = (await response.json()) as { token?: string; access_token?: string; expires_in?: number };
    const value = body.token ?? body.access_token;
    if (!value) throw new RuntimeRequestError(`Registry token service ${url} did not ${what}: no token`, 200);
    // Renewed a little before it runs out, so a request never carries a token expiring on the way.
    const seconds = Math.max((body.expires_in ?? DEFAULT_TOKEN_SECONDS) - 10, 1);
    this.tokens.set(request.scope ?? "", { value, until: Date.now() + seconds * 1000 });
    return value;
  }

  private fetch(request: RegistryRequest, authorization: string | undefined): Promise<Response> {
    const url = /^https?:\/\//.test(request.path) ? request.path : `${this.base}${request.path}`;
    return this.fetchUrl(url, { ...request, authorization });
  }

  private async fetchUrl(
    url: string,
    options: Pick<RegistryRequest, "method" | "accept" | "contentType" | "body" | "what"> & { authorization?: string },
  ): Promise<Response> {
    const headers: Record<string, string> = {};
    if (options.accept) headers.accept = options.accept;
    if (options.contentType) headers["content-type"] = options.contentType;
    if (options.authorization) headers.authorization = options.authorization;
    const attempt = () =>
      fetch(url, { method: options.method, headers, body: options.body, signal: AbortSignal.timeout(this.timeoutMs) });
    try {
      return await attempt();
    } catch (error) {
      // A kept-alive connection the registry closed in the meantime (it restarted, for a garbage collection):
      // the request never reached it, and a new connection will.
      if (!STALE_CONNECTION.has(causeCode(error) ?? "")) throw this.transportError(error, options.what);
    }
    try {
      return await attempt();
    } catch (error) {
      throw this.transportError(error, options.what);
    }
  }

  /** A request that got no answer: unreachable (retry later), or a TLS set-up that can't work as it is. */
  private transportError(error: unknown, what: string): Error {
    const cause = (error as { cause?: { message?: string } }).cause;
    // A socket's error code; else what fetch said (it refuses some ports outright: "bad port"), or a timeout.
    const code = causeCode(error) ?? cause?.message ?? (error as Error).name ?? String(error);
    const where = `Registry ${this.address}`;
    if (UNTRUSTED_CERT.test(code)) {
      return new RuntimeRequestError(
        `${where}: can't ${what}: its TLS certificate is not trusted (${code}); give Pier's processes its CA ` +
          "(NODE_EXTRA_CA_CERTS=<ca.crt>)",
        undefined,
      );
    }
    if (NOT_TLS.test(code)) {
      return new RuntimeRequestError(
        `${where}: can't ${what}: TLS failed (${code}); if it speaks plain HTTP, set PIER_REGISTRY_INSECURE=true`,
        undefined,
      );
    }
    return new RuntimeUnavailableError(`${where} unreachable while trying to ${what}: ${code}`, { cause: error });
  }
}
