/**
 * The shapes the Pier API answers with and takes, named for the CLI. None is written by hand: each comes from a
 * route of the API's OpenAPI document (generated/api.ts, rewritten by `npm run cli:types`).
 */
import type { paths } from "./generated/api.ts";

export type Route = keyof paths;
type Method = "get" | "post" | "put" | "patch" | "delete";
/** The methods a route answers: a method it doesn't is a type error, not a silent `never`. */
export type MethodOf<R extends Route> = {
  [M in Method]-?: [NonNullable<paths[R][M]>] extends [never] ? never : M;
}[Method];
type Operation<R extends Route, M extends MethodOf<R>> = NonNullable<paths[R][M]>;
type Json<T, Otherwise> = T extends { content: { "application/json": infer J } } ? J : Otherwise;

/**
 * What a route answers when it succeeds (its 200, else 201, else 202). `unknown` when it answers no JSON, so
 * reading a field of it is a type error.
 */
export type ResponseOf<R extends Route, M extends MethodOf<R>> =
  Operation<R, M> extends { responses: infer Answers }
    ? Answers extends { 200: infer Ok }
      ? Json<Ok, unknown>
      : Answers extends { 201: infer Created }
        ? Json<Created, unknown>
        : Answers extends { 202: infer Accepted }
          ? Json<Accepted, unknown>
          : unknown
    : unknown;

/** The JSON body a route takes (`never` when it takes none, so nothing can be sent). */
export type BodyOf<R extends Route, M extends MethodOf<R>> =
  Operation<R, M> extends { requestBody?: infer Body } ? Json<NonNullable<Body>, never> : never;

export type AppDto = ResponseOf<"/api/apps/{name}", "get">;
export type CreateAppInput = BodyOf<"/api/apps", "post">;
export type ReplicaStatusDto = AppDto["replicas"];
/** How production runs as a whole ("RUNNING", "CRASH_LOOP", "IMAGE_MISSING", …). */
export type ProductionState = ReplicaStatusDto["state"];
/** The phase one replica is in ("RUNNING", "BACKOFF", "ENGINE_UNAVAILABLE", …). */
export type ReplicaPhase = ReplicaStatusDto["replicas"][number]["phase"];
/** An autoscale policy as the API answers it (defaults filled in). */
export type AutoscalePolicyDto = NonNullable<AppDto["autoscale"]>;
/** What PATCH /api/apps/:name takes as `autoscale`: fields left out get the API's defaults (max is needed). */
export type AutoscalePolicyInput = NonNullable<BodyOf<"/api/apps/{name}", "patch">["autoscale"]>;
/** GET /api/apps/:name/autoscale: decisions newest first. */
export type AutoscaleDto = ResponseOf<"/api/apps/{name}/autoscale", "get">;
export type ScaleResultDto = ResponseOf<"/api/apps/{name}/scale", "post">;
/** PATCH /api/apps/:name's HTTPS settings: the redirect from plain HTTP, and HSTS. */
export type HttpsSettingsInput = Pick<BodyOf<"/api/apps/{name}", "patch">, "httpsRedirect" | "hsts">;

/** One of an app's own domains, with its certificate's state. */
export type DomainDto = ResponseOf<"/api/apps/{name}/domains", "get">["domains"][number];
export type CertificateState = DomainDto["certificate"]["status"];
export type AddDomainInput = BodyOf<"/api/apps/{name}/domains", "post">;

export type DeploymentDto = ResponseOf<"/api/deployments/{id}", "get">;
export type DeploymentStatus = DeploymentDto["status"];
export type LogsDto = ResponseOf<"/api/deployments/{id}/logs", "get">;
export type LogLineDto = LogsDto["lines"][number];

/**
 * Whether a deployment in each status has ended. Every status the API answers must be named here, so a new
 * one fails the type check until the CLI knows whether to keep waiting on it.
 */
const ENDED = {
  QUEUED: false,
  BUILDING: false,
  DEPLOYING: false,
  READY: true,
  FAILED: true,
  CANCELLED: true,
} satisfies Record<DeploymentStatus, boolean>;
export const FINAL_STATUSES: readonly DeploymentStatus[] = (Object.keys(ENDED) as DeploymentStatus[]).filter(
  (status) => ENDED[status],
);

export type ReleaseDto = ResponseOf<"/api/apps/{name}/releases", "get">["releases"][number];
export type ReleaseResultDto = ResponseOf<"/api/apps/{name}/rollback", "post">;
export type EnvDto = ResponseOf<"/api/apps/{name}/env", "get">;
export type RunResultDto = ResponseOf<"/api/apps/{name}/run", "post">;

export type TokenDto = ResponseOf<"/api/tokens", "get">["tokens"][number];
export type TokenScope = TokenDto["scopes"][number];
/** POST /api/tokens: the token's value, shown this once. */
export type CreatedTokenDto = ResponseOf<"/api/tokens", "post">;
export type CreateTokenInput = BodyOf<"/api/tokens", "post">;

export type AuditEventDto = ResponseOf<"/api/audit", "get">["events"][number];
export type NodeDto = ResponseOf<"/api/nodes", "get">["nodes"][number];
export type DeliveryDto = ResponseOf<"/api/apps/{name}/deliveries", "get">["deliveries"][number];
