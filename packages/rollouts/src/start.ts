import type { Rollout, Trigger } from "@pier/db";
import { announceRouteChange } from "@pier/routing";
import { randomId, rolloutGateSchema, rolloutIntervalSchema, rolloutStepsSchema, type RolloutGate } from "@pier/shared";
import { randomBytes } from "node:crypto";
import type { z } from "zod";
import type { RolloutStartDeps } from "./deps.ts";
import { RolloutError } from "./errors.ts";
import { ACTIVE_ROLLOUT_STATES } from "./rollout-state.ts";

export interface StartRolloutRequest {
  appId: string;
  /** A READY deployment of the app, not production, with its replicas running. */
  candidateDeploymentId: string;
  /** The candidate's share per step, in %: whole numbers, ascending, ending at 100. */
  steps: number[];
  intervalSeconds: number;
  /** Limits on the candidate's own traffic each step; null or undefined: the timer alone advances. */
  gate?: RolloutGate | null;
  cause: Trigger;
}

/** Checks a value against its schema; a RolloutError naming the field (and the first problem) when it is out. */
function checked<T>(schema: z.ZodType<T>, value: unknown, field: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const at = [field, ...issue.path.map(String)].join(".");
  throw new RolloutError("invalid", `${at}: ${issue.message}`, at);
}

/**
 * Starts a gradual rollout: the candidate gets steps[0] % of new clients (sticky per client), production the rest.
 * Under the app's row lock (as production switches), so an app never has two running or paused rollouts (a
 * second is a `conflict`). Then tells the routers; the controller steps it from here (advanceRollouts).
 */
export async function startRollout(deps: RolloutStartDeps, request: StartRolloutRequest): Promise<Rollout> {
  const steps = checked(rolloutStepsSchema, request.steps, "steps");
  const intervalSeconds = checked(rolloutIntervalSchema, request.intervalSeconds, "intervalSeconds");
  const gate = request.gate == null ? null : checked(rolloutGateSchema, request.gate, "gate");
  const rollout = await deps.prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT 1 FROM "App" WHERE "id" = ${request.appId} FOR UPDATE`;
    const app = await tx.app.findUnique({ where: { id: request.appId } });
    if (!app) throw new RolloutError("not_found", `app ${request.appId} does not exist`);
    const candidate = await tx.deployment.findFirst({ where: { id: request.candidateDeploymentId, appId: app.id } });
    const field = "deploymentId";
    if (!candidate)
      throw new RolloutError("not_found", `${app.name} has no deployment ${request.candidateDeploymentId}`, field);
    const running = await tx.rollout.findFirst({
      where: { appId: app.id, state: { in: [...ACTIVE_ROLLOUT_STATES] } },
    });
    if (running)
      throw new RolloutError(
        "conflict",
        `${app.name} already has a ${running.state.toLowerCase()} rollout (${running.id}): promote or abort it first`,
      );
    if (!app.productionDeploymentId)
      throw new RolloutError("not_deployable", `${app.name} has no production yet: promote the deployment instead`);
    if (candidate.id === app.productionDeploymentId)
      throw new RolloutError("not_deployable", `deployment ${candidate.shortId} is already production`, field);
    if (candidate.status !== "READY")
      throw new RolloutError(
        "not_deployable",
        `deployment ${candidate.shortId} is ${candidate.status}; only a READY deployment can be rolled out`,
        field,
      );
    if (!candidate.containerId || candidate.previewSlug)
      throw new RolloutError(
        "not_deployable",
        `deployment ${candidate.shortId} is not running as a production candidate: ` +
          'deploy it with "promote": false (it then runs at its own URL) and roll that out',
        field,
      );
    return tx.rollout.create({
      data: {
        id: randomId(16, randomBytes),
        appId: app.id,
        candidateDeploymentId: candidate.id,
        baseDeploymentId: app.productionDeploymentId,
        steps,
        intervalSeconds,
        gate: gate ?? undefined,
        state: "RUNNING",
        stepIndex: 0,
        weight: steps[0]!,
        stepStartedAt: new Date(),
        cause: request.cause,
      },
    });
  });
  await announceRouteChange(deps.redis);
  return rollout;
}
