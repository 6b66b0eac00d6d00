import { ApiError, CliError, EXIT, type ApiErrorBody } from "./errors.ts";
import { serverSentEvents, type ServerSentEvent } from "./sse.ts";
import type {
  AddDomainInput,
  AutoscalePolicyInput,
  BodyOf,
  CreateAppInput,
  CreateTokenInput,
  HttpsSettingsInput,
  ResponseOf,
} from "./types.ts";

const REQUEST_TIMEOUT_MS = 30_000;

/** A thin client of the Pier REST API. Every failure becomes a CliError with the right exit code. */
export class ApiClient {
  constructor(
    readonly baseUrl: string,
    private readonly token: string | undefined,
  ) {}

  /** `timeoutMs`: longer for what may legitimately take long (deleting an app removes its containers and images). */
  async request<T>(method: string, path: string, body?: unknown, timeoutMs = REQUEST_TIMEOUT_MS): Promise<T> {
    if (!this.token) throw new CliError("no API token: run pier login (or set PIER_TOKEN)", EXIT.auth);
    const headers: Record<string, string> = { authorization: `Bearer ${this.token}`, accept: "application/json" };
    if (body !== undefined) headers["content-type"] = "application/json";
    let response: Response;
    try {
      response = await fetch(`${this.baseUrl}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      throw new CliError(
        `cannot reach the Pier API at ${this.baseUrl} (${networkErrorCode(error)}): is it running?`,
        EXIT.unreachable,
      );
    }
    const text = await response.text();
    let json: unknown;
    try {
      json = text === "" ? undefined : JSON.parse(text);
    } catch {
      json = undefined;
    }
    if (!response.ok) throw new ApiError(response.status, asErrorBody(json, response));
    if (json === undefined)
      throw new CliError(
        `the API at ${this.baseUrl} answered ${method} ${path} with something that is not JSON: is this a Pier API?`,
        EXIT.api,
      );
    return json as T;
  }

  /** A streamed answer (Server-Sent Events) once it is 2xx; a refusal or no connection fails as `request` does. */
  async openStream(path: string): Promise<ReadableStream<Uint8Array>> {
    if (!this.token) throw new CliError("no API token: run pier login (or set PIER_TOKEN)", EXIT.auth);
    let response: Response;
    try {
      const headers = { authorization: `Bearer ${this.token}`, accept: "text/event-stream" };
      response = await fetch(`${this.baseUrl}${path}`, { headers });
    } catch (error) {
      throw new CliError(
        `cannot reach the Pier API at ${this.baseUrl} (${networkErrorCode(error)}): is it running?`,
        EXIT.unreachable,
      );
    }
    if (!response.ok || !response.body) {
      const text = await response.text();
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        json = undefined;
      }
      throw new ApiError(response.status, asErrorBody(json, response));
    }
    return response.body;
  }

  // Each answer's type is its route's in the API's OpenAPI document: a route that changes breaks the type check.
  listApps = () => this.request<ResponseOf<"/api/apps", "get">>("GET", "/api/apps");
  getApp = (name: string) => this.request<ResponseOf<"/api/apps/{name}", "get">>("GET", `/api/apps/${enc(name)}`);
  createApp = (input: CreateAppInput) => this.request<ResponseOf<"/api/apps", "post">>("POST", "/api/apps", input);
  /** Queues a build of the branch head; `promote: false` stages it (its own URL, production untouched). */
  deploy = (name: string, options: BodyOf<"/api/apps/{name}/deploy", "post"> = {}) =>
    this.request<ResponseOf<"/api/apps/{name}/deploy", "post">>("POST", `/api/apps/${enc(name)}/deploy`, options);
  /** Starts production's image again with the current env vars and settings (no clone, no build). */
  redeploy = (name: string) =>
    this.request<ResponseOf<"/api/apps/{name}/redeploy", "post">>("POST", `/api/apps/${enc(name)}/redeploy`);
  /** Builds that deployment's commit again (not the branch head). */
  rebuildDeployment = (id: string) =>
    this.request<ResponseOf<"/api/deployments/{id}/redeploy", "post">>("POST", `/api/deployments/${enc(id)}/redeploy`);
  listDeployments = (name: string, limit = 20) =>
    this.request<ResponseOf<"/api/apps/{name}/deployments", "get">>(
      "GET",
      `/api/apps/${enc(name)}/deployments?limit=${limit}`,
    );
  getDeployment = (id: string) =>
    this.request<ResponseOf<"/api/deployments/{id}", "get">>("GET", `/api/deployments/${enc(id)}`);
  getLogs = (id: string, after?: string, limit?: number) => {
    const query = new URLSearchParams();
    if (after !== undefined) query.set("after", after);
    if (limit !== undefined) query.set("limit", String(limit));
    const qs = query.toString();
    return this.request<ResponseOf<"/api/deployments/{id}/logs", "get">>(
      "GET",
      `/api/deployments/${enc(id)}/logs${qs ? `?${qs}` : ""}`,
    );
  };
  rollback = (name: string, deploymentId?: string) =>
    this.request<ResponseOf<"/api/apps/{name}/rollback", "post">>(
      "POST",
      `/api/apps/${enc(name)}/rollback`,
      deploymentId ? { deploymentId } : {},
    );
  scale = (name: string, change: BodyOf<"/api/apps/{name}/scale", "post">) =>
    this.request<ResponseOf<"/api/apps/{name}/scale", "post">>("POST", `/api/apps/${enc(name)}/scale`, change);
  getAutoscale = (name: string, limit: number) =>
    this.request<ResponseOf<"/api/apps/{name}/autoscale", "get">>(
      "GET",
      `/api/apps/${enc(name)}/autoscale?limit=${limit}`,
    );
  /** null turns autoscaling off. */
  setAutoscale = (name: string, policy: AutoscalePolicyInput | null) =>
    this.request<ResponseOf<"/api/apps/{name}", "patch">>("PATCH", `/api/apps/${enc(name)}`, { autoscale: policy });
  /** HTTPS redirect and HSTS: take effect at once. */
  setHttps = (name: string, settings: HttpsSettingsInput) =>
    this.request<ResponseOf<"/api/apps/{name}", "patch">>("PATCH", `/api/apps/${enc(name)}`, settings);
  listDomains = (name: string) =>
    this.request<ResponseOf<"/api/apps/{name}/domains", "get">>("GET", `/api/apps/${enc(name)}/domains`);
  addDomain = (name: string, input: AddDomainInput) =>
    this.request<ResponseOf<"/api/apps/{name}/domains", "post">>("POST", `/api/apps/${enc(name)}/domains`, input);
  removeDomain = (name: string, domain: string) =>
    this.request<ResponseOf<"/api/apps/{name}/domains/{domain}", "delete">>(
      "DELETE",
      `/api/apps/${enc(name)}/domains/${enc(domain)}`,
    );
  renewDomain = (name: string, domain: string) =>
    this.request<ResponseOf<"/api/apps/{name}/domains/{domain}/renew", "post">>(
      "POST",
      `/api/apps/${enc(name)}/domains/${enc(domain)}/renew`,
    );
  promote = (name: string, deploymentId: string) =>
    this.request<ResponseOf<"/api/apps/{name}/promote", "post">>("POST", `/api/apps/${enc(name)}/promote`, {
      deploymentId,
    });
  listDeliveries = (name: string, limit: number) =>
    this.request<ResponseOf<"/api/apps/{name}/deliveries", "get">>(
      "GET",
      `/api/apps/${enc(name)}/deliveries?limit=${limit}`,
    );
  listReleases = (name: string) =>
    this.request<ResponseOf<"/api/apps/{name}/releases", "get">>("GET", `/api/apps/${enc(name)}/releases`);
  listEnv = (name: string, reveal: boolean) =>
    this.request<ResponseOf<"/api/apps/{name}/env", "get">>(
      "GET",
      `/api/apps/${enc(name)}/env${reveal ? "?reveal=true" : ""}`,
    );
  setEnv = (name: string, vars: Record<string, string>) =>
    this.request<ResponseOf<"/api/apps/{name}/env", "put">>("PUT", `/api/apps/${enc(name)}/env`, { vars });
  unsetEnv = (name: string, key: string) =>
    this.request<ResponseOf<"/api/apps/{name}/env/{key}", "delete">>(
      "DELETE",
      `/api/apps/${enc(name)}/env/${enc(key)}`,
    );
  getCredential = (name: string) =>
    this.request<ResponseOf<"/api/apps/{name}/credentials", "get">>("GET", `/api/apps/${enc(name)}/credentials`);
  setCredential = (name: string, input: BodyOf<"/api/apps/{name}/credentials", "put">) => {
    const url = `/api/apps/${enc(name)}/credentials`;
    return this.request<ResponseOf<"/api/apps/{name}/credentials", "put">>("PUT", url, input);
  };
  removeCredential = (name: string) => {
    const url = `/api/apps/${enc(name)}/credentials`;
    return this.request<ResponseOf<"/api/apps/{name}/credentials", "delete">>("DELETE", url);
  };
  getGithubApp = () => this.request<ResponseOf<"/api/settings/github-app", "get">>("GET", "/api/settings/github-app");
  setGithubApp = (input: BodyOf<"/api/settings/github-app", "put">) =>
    this.request<ResponseOf<"/api/settings/github-app", "put">>("PUT", "/api/settings/github-app", input);
  removeGithubApp = () =>
    this.request<ResponseOf<"/api/settings/github-app", "delete">>("DELETE", "/api/settings/github-app");
  run = (name: string, command: string[], timeoutSeconds: number) =>
    this.request<ResponseOf<"/api/apps/{name}/run", "post">>("POST", `/api/apps/${enc(name)}/run`, {
      command,
      timeoutSeconds,
    });
  createToken = (input: CreateTokenInput) =>
    this.request<ResponseOf<"/api/tokens", "post">>("POST", "/api/tokens", input);
  listTokens = () => this.request<ResponseOf<"/api/tokens", "get">>("GET", "/api/tokens");
  revokeToken = (id: string) =>
    this.request<ResponseOf<"/api/tokens/{id}", "delete">>("DELETE", `/api/tokens/${enc(id)}`);
  listAudit = (options: { app?: string; limit: number }) => {
    const query = new URLSearchParams({ ...(options.app ? { app: options.app } : {}), limit: String(options.limit) });
    return this.request<ResponseOf<"/api/audit", "get">>("GET", `/api/audit?${query}`);
  };
  listNodes = () => this.request<ResponseOf<"/api/nodes", "get">>("GET", "/api/nodes");
  nodeJoinCommand = () => this.request<ResponseOf<"/api/nodes/join", "get">>("GET", "/api/nodes/join");
  setNodeAvailability = (idOrName: string, action: "drain" | "activate") =>
    this.request<ResponseOf<"/api/nodes/{id}/drain", "post">>("POST", `/api/nodes/${enc(idOrName)}/${action}`);

  /** The app's runtime output, every replica's lines with time and replica (GET /api/apps/:name/logs/stream). */
  async *appLogEvents(name: string, options: { tail: number; follow: boolean }): AsyncGenerator<ServerSentEvent> {
    const body = await this.openStream(
      `/api/apps/${enc(name)}/logs/stream?tail=${options.tail}&follow=${options.follow}`,
    );
    yield* serverSentEvents(body as unknown as AsyncIterable<Uint8Array>);
  }
}

const enc = encodeURIComponent;

function asErrorBody(json: unknown, response: Response): ApiErrorBody {
  if (json && typeof json === "object" && typeof (json as ApiErrorBody).error === "string") {
    const body = json as ApiErrorBody;
    return { ...body, message: typeof body.message === "string" ? body.message : "" };
  }
  return {
    error: response.statusText.toLowerCase().replaceAll(" ", "_") || "error",
    message: `${response.status} ${response.statusText}`.trim(),
  };
}

/** ECONNREFUSED, ENOTFOUND, ETIMEDOUT…: the most telling code in a fetch failure. */
function networkErrorCode(error: unknown): string {
  if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) return "ETIMEDOUT";
  let current: unknown = error;
  let message = error instanceof Error ? error.message : String(error);
  for (let depth = 0; current && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string") return code;
    if (current instanceof Error && current.message) message = current.message;
    const errors = (current as { errors?: unknown }).errors;
    if (Array.isArray(errors) && errors.length > 0) {
      current = errors[0];
      continue;
    }
    current = (current as { cause?: unknown }).cause;
  }
  return message;
}
