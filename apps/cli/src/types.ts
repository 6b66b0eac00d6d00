/** The shapes the Pier API answers with (apps/api/src/schemas). */

export type DeploymentStatus = "QUEUED" | "BUILDING" | "DEPLOYING" | "READY" | "FAILED" | "CANCELLED";
export const FINAL_STATUSES: readonly DeploymentStatus[] = ["READY", "FAILED", "CANCELLED"];

export interface AppDto {
  id: string;
  name: string;
  repoUrl: string;
  branch: string;
  rootDir: string;
  port: number | null;
  healthCheckPath: string;
  url: string;
  webhookUrl: string;
  /** null unless the token has the admin scope. */
  webhookSecret: string | null;
  productionDeploymentId: string | null;
  replicas: ReplicaStatusDto;
  /** null: replicas change only by hand (pier scale). */
  autoscale: AutoscalePolicyDto | null;
  createdAt: string;
  updatedAt: string;
}

/** An autoscale policy as the API answers it (defaults filled in). */
export interface AutoscalePolicyDto {
  min: number;
  max: number;
  targetConcurrency: number;
  targetRps?: number;
  scaleDownDelaySeconds: number;
  idleTimeoutSeconds: number;
}

/** What PATCH /api/apps/:name takes as `autoscale`: fields left out get the API's defaults. */
export type AutoscalePolicyInput = Partial<AutoscalePolicyDto>;

export interface ScaleDecisionDto {
  at: string;
  from: number;
  to: number;
  reason: string;
  panic: boolean;
  panicConcurrency: number;
  stableConcurrency: number;
  requestsPerSecond: number;
}

/** GET /api/apps/:name/autoscale: decisions newest first. */
export interface AutoscaleDto {
  policy: AutoscalePolicyDto | null;
  desired: number;
  decisions: ScaleDecisionDto[];
}

export interface ReplicaStatusDto {
  desired: number;
  running: number;
  state: "RUNNING" | "DEGRADED" | "CRASH_LOOP" | "STOPPED" | "NOT_DEPLOYED";
  replicas: Array<{
    index: number;
    phase: string;
    containerId: string | null;
    restarts: number;
    lastReason: string | null;
    nextAttemptAt: string | null;
  }>;
}

export interface ScaleResultDto {
  replicas: ReplicaStatusDto;
  started: number[];
  stopped: number[];
}

export interface DeploymentDto {
  id: string;
  shortId: string;
  app: string;
  status: DeploymentStatus;
  reason: string | null;
  trigger: string;
  branch: string;
  commitSha: string | null;
  commitMessage: string | null;
  commitAuthor: string | null;
  imageTag: string | null;
  isProduction: boolean;
  url: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  durationMs: number | null;
}

export interface LogLineDto {
  id: string;
  stream: string;
  line: string;
  at: string;
}

export interface LogsDto {
  deploymentId: string;
  status: DeploymentStatus;
  lines: LogLineDto[];
}

export interface ReleaseDto {
  version: number;
  name: string;
  kind: "DEPLOY" | "ROLLBACK" | "PROMOTE";
  cause: "PUSH" | "API" | "DASHBOARD";
  from: { id: string; shortId: string } | null;
  to: { id: string; shortId: string };
  isCurrent: boolean;
  createdAt: string;
}

export interface ReleaseResultDto {
  release: ReleaseDto;
  deployment: DeploymentDto;
  started: boolean;
  routed: boolean;
}

export interface EnvDto {
  vars: { key: string; value: string; updatedAt: string }[];
  note: string;
}

export interface CreateAppInput {
  name: string;
  repoUrl: string;
  branch?: string;
  rootDir?: string;
  port?: number;
  healthCheckPath?: string;
}

export interface RunResultDto {
  deploymentId: string;
  exitCode: number;
  output: string;
  timedOut: boolean;
  durationMs: number;
}

export type TokenScope = "read" | "deploy" | "admin";

export interface TokenDto {
  id: string;
  name: string;
  prefix: string;
  scopes: TokenScope[];
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** POST /api/tokens: the token's value, shown this once. */
export interface CreatedTokenDto extends TokenDto {
  token: string;
}

export interface AuditEventDto {
  id: string;
  at: string;
  /** The token's name, "admin token", "dashboard session", "GitHub webhook" or "sign-in with a wrong token". */
  actor: string;
  actorKind: "admin" | "token" | "session" | "webhook" | "anonymous";
  tokenId: string | null;
  method: string;
  route: string;
  path: string;
  target: string | null;
  status: number;
  ip: string | null;
}
