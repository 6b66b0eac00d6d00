/**
 * Examples of what the API answers, one app's story told the same way in every one (the app `web`, its deployment
 * k3v9x2m1q8 live with two replicas): routes attach them to their response schemas with withExample (common.ts).
 * Each is typed by its schema, so a field added to a schema must be added here too.
 */
import type { z } from "zod";
import type { appDto, replicaStatusDto } from "./app.ts";
import type { auditEventDto } from "./audit.ts";
import type { credentialDto } from "./credential.ts";
import type { deliveryDto as webhookDeliveryDto } from "./delivery.ts";
import type { deploymentDto, logsDto } from "./deployment.ts";
import type { domainDto } from "./domain.ts";
import type { meDto } from "./me.ts";
import type { deliveryDto, notificationDto } from "./notification.ts";
import type { releaseDto, releaseResultDto } from "./release.ts";
import type { tokenDto } from "./token.ts";

const AT = "2026-01-05T09:30:00.000Z";
const LATER = "2026-01-05T09:31:12.000Z";

export const replicaStatusExample: z.output<typeof replicaStatusDto> = {
  desired: 2,
  running: 2,
  state: "RUNNING",
  replicas: [1, 2].map((index) => ({
    index,
    phase: "RUNNING" as const,
    containerId: `9f1c2b7d4e5a${index}`,
    restarts: 0,
    lastReason: null,
    nextAttemptAt: null,
  })),
};

export const domainExample: z.output<typeof domainDto> = {
  name: "www.example.com",
  redirectTo: null,
  redirectStatus: 308,
  source: "API",
  url: "https://www.example.com",
  certificate: {
    status: "issued",
    expiresAt: "2026-04-05T09:30:00.000Z",
    error: null,
    nextAttemptAt: null,
    serial: "03a1f4c2b9e7d8",
  },
};

/** A domain just added: its certificate being issued. */
export const pendingDomainExample: z.output<typeof domainDto> = {
  ...domainExample,
  url: "http://www.example.com",
  certificate: { status: "pending", expiresAt: null, error: null, nextAttemptAt: null, serial: null },
};

export const appExample: z.output<typeof appDto> = {
  id: "c1a2b3d4e5",
  name: "web",
  repoUrl: "https://github.com/acme/web.git",
  branch: "main",
  rootDir: "",
  port: 3000,
  healthCheckPath: "/",
  previews: true,
  volumes: [{ name: "data", path: "/data" }],
  url: "http://web.localhost",
  webhookUrl: "https://pier.example.com/webhooks/github/web",
  webhookWarning: null,
  webhookSecret: null,
  productionDeploymentId: "k3v9x2m1q8",
  replicas: replicaStatusExample,
  alertErrorRate: null,
  alertP95Ms: null,
  memoryRequestMb: null,
  autoscale: null,
  httpsRedirect: true,
  hsts: false,
  domains: [domainExample],
  createdAt: AT,
  updatedAt: LATER,
};

/** The app as POST /api/apps answers it: nothing deployed yet, its webhook secret shown (to an admin). */
export const newAppExample: z.output<typeof appDto> = {
  ...appExample,
  productionDeploymentId: null,
  webhookSecret: "7f3e9a1c5b2d8e4f6a0c9b1d3e5f7a2c",
  replicas: { desired: 1, running: 0, state: "NOT_DEPLOYED", replicas: [] },
  domains: [],
  updatedAt: AT,
};

export const deploymentExample: z.output<typeof deploymentDto> = {
  id: "k3v9x2m1q8",
  shortId: "k3v9x2m1",
  app: "web",
  status: "READY",
  reason: null,
  trigger: "push",
  branch: "main",
  previewUrl: null,
  commitSha: "4f9a2c0d1e8b7a6f5c4d3e2f1a0b9c8d7e6f5a4b",
  commitMessage: "Add the pricing page",
  commitAuthor: "Ada Lovelace",
  commitAuthorEmail: "ada@example.com",
  committedAt: "2026-01-05T09:28:40.000Z",
  imageTag: "pier/web:k3v9x2m1q8",
  isProduction: true,
  url: "http://web-k3v9x2m1.localhost",
  createdAt: AT,
  startedAt: "2026-01-05T09:30:01.000Z",
  finishedAt: LATER,
  durationMs: 71_000,
  port: 3000,
  phases: { queued: 120, clone: 800, build: 52_000, start: 1_500, health: 900, switch: 40 },
  promote: true,
  staged: null,
};

/** The same deployment, just queued. */
export const queuedDeploymentExample: z.output<typeof deploymentDto> = {
  ...deploymentExample,
  status: "QUEUED",
  isProduction: false,
  url: null,
  imageTag: null,
  startedAt: null,
  finishedAt: null,
  durationMs: null,
  phases: null,
  commitAuthorEmail: null,
  committedAt: null,
};

export const logsExample: z.output<typeof logsDto> = {
  deploymentId: "k3v9x2m1q8",
  status: "READY",
  lines: [
    { id: "101", stream: "system", line: "Cloning https://github.com/acme/web.git (main)", at: AT },
    { id: "102", stream: "build", line: "Step 1/9 : FROM node:24-bookworm-slim", at: "2026-01-05T09:30:02.000Z" },
  ],
};

/** GET /api/deployments/{id}/logs/stream: its lines as they come, then how it ended. */
export const DEPLOYMENT_EVENTS_EXAMPLE = [
  "event: line",
  'data: {"id":"101","stream":"system","line":"Cloning https://github.com/acme/web.git (main)",' +
    '"at":"2026-01-05T09:30:00.000Z"}',
  "",
  "event: end",
  'data: {"status":"READY","reason":null}',
  "",
  "",
].join("\n");

/** GET /api/apps/{name}/logs: both replicas' lines, in the order written. */
export const RUNTIME_LOG_TEXT_EXAMPLE = [
  "2026-01-05T09:31:10.120394512Z #1 GET /pricing 200 12ms",
  "2026-01-05T09:31:10.483920117Z #2 GET /api/plans 200 8ms",
  "",
].join("\n");

/** GET /api/apps/{name}/logs/stream: the replicas, then lines as they come. */
export const RUNTIME_LOG_EVENTS_EXAMPLE = [
  "event: replicas",
  'data: {"deploymentId":"k3v9x2m1q8","replicas":[{"index":1,"container":"pier-web-k3v9x2m1-1","running":true}]}',
  "",
  "event: line",
  'data: {"at":"2026-01-05T09:31:10.120394512Z","replica":1,"container":"pier-web-k3v9x2m1-1",' +
    '"line":"GET /pricing 200 12ms"}',
  "",
  "",
].join("\n");

export const releaseExample: z.output<typeof releaseDto> = {
  version: 7,
  name: "v7",
  kind: "DEPLOY",
  cause: "PUSH",
  reason: null,
  changes: null,
  from: { id: "p8w2n5r7t1", shortId: "p8w2n5r7" },
  to: { id: "k3v9x2m1q8", shortId: "k3v9x2m1" },
  isCurrent: true,
  createdAt: LATER,
};

/** POST /rollback: v6's deployment live again from its warm containers, as release v8. */
export const releaseResultExample: z.output<typeof releaseResultDto> = {
  release: {
    ...releaseExample,
    version: 8,
    name: "v8",
    kind: "ROLLBACK",
    cause: "API",
    from: releaseExample.to,
    to: releaseExample.from!,
  },
  deployment: { ...deploymentExample, id: "p8w2n5r7t1", shortId: "p8w2n5r7", url: "http://web-p8w2n5r7.localhost" },
  started: false,
  routed: true,
};

/** GET /api/apps/{name}/export: the live release as a compose file. */
export const COMPOSE_EXAMPLE = [
  "services:",
  "  web:",
  "    image: pier/web:k3v9x2m1q8",
  "    environment:",
  '      PORT: "3000"',
  "    ports:",
  '      - "3000:3000"',
  "",
].join("\n");

export const tokenExample: z.output<typeof tokenDto> = {
  id: "c7k2m9x4p1",
  name: "ci-deploy",
  prefix: "pier_4f9a2c",
  scopes: ["deploy"],
  createdAt: AT,
  expiresAt: "2026-04-05T09:30:00.000Z",
  lastUsedAt: LATER,
  revokedAt: null,
};

export const meExample: z.output<typeof meDto> = {
  kind: "token",
  name: "ci-deploy",
  tokenId: "c7k2m9x4p1",
  scopes: ["deploy"],
  manageTokens: false,
  expiresAt: "2026-04-05T09:30:00.000Z",
  apiUrl: "https://pier.example.com",
};

export const notificationExample: z.output<typeof notificationDto> = {
  id: "n4b8v2c6x1",
  url: "https://hooks.slack.com/services/T000/B000/XXXX",
  format: "slack",
  events: [],
  apps: ["web"],
  createdAt: AT,
  health: { lastSuccessAt: LATER, failingSince: null, lastError: null, failuresInRow: 0 },
};

export const notificationDeliveryExample: z.output<typeof deliveryDto> = {
  id: "d5m1q7w3e9",
  channelId: "n4b8v2c6x1",
  event: "deployment.ready",
  appId: "c1a2b3d4e5",
  status: "DELIVERED",
  attempts: 1,
  responseStatus: 200,
  lastError: null,
  payload: { event: "deployment.ready", app: "web", deploymentId: "k3v9x2m1q8" },
  createdAt: LATER,
  deliveredAt: LATER,
};

export const webhookDeliveryExample: z.output<typeof webhookDeliveryDto> = {
  id: "w2e4r6t8y0",
  githubId: "72d3162e-cc78-11e3-81ab-4c9367dc0958",
  event: "push",
  receivedAt: AT,
  outcome: "deployed",
  reason: null,
  branch: "main",
  commitSha: "4f9a2c0d1e8b7a6f5c4d3e2f1a0b9c8d7e6f5a4b",
  deployment: { id: "k3v9x2m1q8", shortId: "k3v9x2m1", status: "READY", reason: null },
};

export const auditEventExample: z.output<typeof auditEventDto> = {
  id: "a9s8d7f6g5",
  at: LATER,
  actor: "ci-deploy",
  actorKind: "token",
  tokenId: "c7k2m9x4p1",
  method: "PATCH",
  route: "/api/apps/:name",
  path: "/api/apps/web",
  target: "web",
  status: 200,
  ip: "203.0.113.7",
  changes: [{ field: "branch", from: "main", to: "release" }],
};

export const credentialExample: z.output<typeof credentialDto> = { kind: "TOKEN", hint: "wxyz", updatedAt: AT };
