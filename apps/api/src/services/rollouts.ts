import type { PrismaClient, Rollout, Trigger } from "@pier/db";
import {
  abortRollout,
  activeRollout,
  deploymentTraffic,
  pauseRollout,
  promoteNow,
  resumeRollout,
  RolloutError,
  startRollout,
  type RolloutControl,
} from "@pier/rollouts";
import {
  addBuckets,
  LATENCY_BUCKET_COUNT,
  METRIC_SAMPLE_MS,
  percentileMs,
  storedRolloutGate,
  type RolloutGate,
} from "@pier/shared";
import type { FastifyBaseLogger } from "fastify";
import type { z } from "zod";
import { AppError } from "../errors.ts";
import type { PierDeps } from "../plugins/app/deps.ts";
import type { currentRolloutDto, rolloutDto, rolloutsDto } from "../schemas/rollout.ts";
import { findAppByName } from "./apps.ts";

type RolloutView = z.infer<typeof rolloutDto>;
const HISTORY = 20;
/** "Now", for each version's figures: the last minute of samples. */
const NOW_WINDOW_MS = 60_000;

/** A rollout's refusal as the API's error: its code's status, naming the field at fault. */
function asAppError(error: unknown): never {
  if (!(error instanceof RolloutError)) throw error;
  switch (error.code) {
    case "invalid":
      throw new AppError("validation_failed", error.message, error.field);
    case "not_found":
      throw new AppError(
        error.field === "deploymentId" ? "deployment_not_found" : "not_found",
        error.message,
        error.field,
      );
    case "not_deployable":
      throw new AppError("not_deployable", error.message, error.field);
    case "conflict":
    case "wrong_state":
      throw new AppError("conflict", error.message, error.field);
  }
}

async function toRolloutViews(prisma: PrismaClient, rollouts: Rollout[]): Promise<RolloutView[]> {
  const ids = [...new Set(rollouts.flatMap((r) => [r.candidateDeploymentId, r.baseDeploymentId]))];
  const shortIds = new Map(
    (await prisma.deployment.findMany({ where: { id: { in: ids } }, select: { id: true, shortId: true } })).map((d) => [
      d.id,
      d.shortId,
    ]),
  );
  const ref = (id: string) => ({ id, shortId: shortIds.get(id) ?? "deleted" });
  return rollouts.map((r) => ({
    id: r.id,
    state: r.state,
    steps: r.steps,
    stepIndex: r.stepIndex,
    weight: r.weight,
    intervalSeconds: r.intervalSeconds,
    gate: storedRolloutGate(r.gate),
    candidate: ref(r.candidateDeploymentId),
    base: ref(r.baseDeploymentId),
    reason: r.reason,
    cause: r.cause,
    stepStartedAt: r.stepStartedAt.toISOString(),
    nextStepAt:
      r.state === "RUNNING" ? new Date(r.stepStartedAt.getTime() + r.intervalSeconds * 1000).toISOString() : null,
    createdAt: r.createdAt.toISOString(),
    finishedAt: r.finishedAt?.toISOString() ?? null,
  }));
}

/** The running or paused rollout with its figures (the gate's, and each version's over the last minute). */
async function currentView(prisma: PrismaClient, rollout: Rollout): Promise<z.infer<typeof currentRolloutDto>> {
  const [view] = await toRolloutViews(prisma, [rollout]);
  const minuteAgo = new Date(Date.now() - NOW_WINDOW_MS);
  const [gateFigures, candidate, base] = await Promise.all([
    deploymentTraffic(prisma, rollout.candidateDeploymentId, rollout.stepStartedAt),
    deploymentTraffic(prisma, rollout.candidateDeploymentId, minuteAgo),
    deploymentTraffic(prisma, rollout.baseDeploymentId, minuteAgo),
  ]);
  return { ...view!, gateFigures, versions: { candidate, base } };
}

/** The app's rollout now (if any) and its earlier ones. */
export async function listRollouts(deps: PierDeps, appName: string): Promise<z.infer<typeof rolloutsDto>> {
  const app = await findAppByName(deps.prisma, appName);
  const current = await activeRollout(deps.prisma, app.id);
  const history = await deps.prisma.rollout.findMany({
    where: { appId: app.id, ...(current ? { id: { not: current.id } } : {}) },
    orderBy: { createdAt: "desc" },
    take: HISTORY,
  });
  return {
    current: current ? await currentView(deps.prisma, current) : null,
    history: await toRolloutViews(deps.prisma, history),
  };
}

export interface StartRolloutInput {
  deploymentId: string;
  steps: number[];
  intervalSeconds: number;
  gate?: RolloutGate | null;
}

export async function startAppRollout(deps: PierDeps, appName: string, input: StartRolloutInput, cause: Trigger) {
  const app = await findAppByName(deps.prisma, appName);
  const rollout = await startRollout(deps, {
    appId: app.id,
    candidateDeploymentId: input.deploymentId,
    steps: input.steps,
    intervalSeconds: input.intervalSeconds,
    gate: input.gate,
    cause,
  }).catch(asAppError);
  return currentView(deps.prisma, rollout);
}

export type RolloutAction = "pause" | "resume" | "promote" | "abort";

/** Pause, resume, promote now or abort the app's rollout `rolloutId`; answers the rollout as it is after. */
export async function controlRollout(
  deps: PierDeps,
  log: FastifyBaseLogger,
  target: { appName: string; rolloutId: string; cause: Trigger },
  action: RolloutAction,
): Promise<RolloutView> {
  const app = await findAppByName(deps.prisma, target.appName);
  const control: RolloutControl = { appId: app.id, rolloutId: target.rolloutId, cause: target.cause };
  const full = { ...deps, logger: log };
  const run = {
    pause: () => pauseRollout(deps, control),
    resume: () => resumeRollout(deps, control),
    promote: () => promoteNow(full, control),
    abort: () => abortRollout(full, control),
  }[action];
  const rollout = await run().catch(asAppError);
  const [view] = await toRolloutViews(deps.prisma, [rollout]);
  return view!;
}

/** One point of each version's figures per sample interval: what the dashboard's rollout chart draws. */
export interface RolloutSeries {
  from: number;
  to: number;
  candidate: { errorRate: SeriesPoint[]; p95Ms: SeriesPoint[] };
  base: { errorRate: SeriesPoint[]; p95Ms: SeriesPoint[] };
}
type SeriesPoint = { t: number; value: number | null };
/** The chart spans the rollout, at most this long back. */
const SERIES_MAX_MS = 6 * 60 * 60_000;

/** Each version's error rate and p95 per sample interval since the rollout began (until it ended). */
async function rolloutSeries(prisma: PrismaClient, rollout: Rollout, now = Date.now()): Promise<RolloutSeries> {
  const to = rollout.finishedAt?.getTime() ?? now;
  const from = Math.max(rollout.createdAt.getTime(), to - SERIES_MAX_MS);
  const samples = await prisma.metricSample.findMany({
    where: {
      deploymentId: { in: [rollout.candidateDeploymentId, rollout.baseDeploymentId] },
      source: "router",
      at: { gt: new Date(from), lte: new Date(to + METRIC_SAMPLE_MS) },
    },
    select: { deploymentId: true, at: true, requests: true, status5xx: true, latencyBuckets: true },
    orderBy: { at: "asc" },
  });
  const seriesOf = (deploymentId: string) => {
    const steps = new Map<number, { requests: number; errors: number; buckets: number[] }>();
    for (const sample of samples.filter((s) => s.deploymentId === deploymentId)) {
      // Several routers write a sample per interval: one point per interval.
      const t = Math.round(sample.at.getTime() / METRIC_SAMPLE_MS) * METRIC_SAMPLE_MS;
      const step = steps.get(t) ?? { requests: 0, errors: 0, buckets: new Array<number>(LATENCY_BUCKET_COUNT).fill(0) };
      step.requests += sample.requests;
      step.errors += sample.status5xx;
      addBuckets(step.buckets, sample.latencyBuckets);
      steps.set(t, step);
    }
    const points = [...steps].sort(([a], [b]) => a - b);
    return {
      errorRate: points.map(([t, s]) => ({ t, value: s.requests ? s.errors / s.requests : null })),
      p95Ms: points.map(([t, s]) => ({ t, value: percentileMs(s.buckets, 0.95) })),
    };
  };
  return { from, to, candidate: seriesOf(rollout.candidateDeploymentId), base: seriesOf(rollout.baseDeploymentId) };
}

/** What the app page's rollout card shows: the running rollout (else the latest one) and its chart. */
export async function rolloutPanel(deps: Pick<PierDeps, "prisma">, appId: string) {
  const current = await activeRollout(deps.prisma, appId);
  if (current)
    return {
      current: await currentView(deps.prisma, current),
      latest: null,
      series: await rolloutSeries(deps.prisma, current),
    };
  const latest = await deps.prisma.rollout.findFirst({ where: { appId }, orderBy: { createdAt: "desc" } });
  if (!latest) return null;
  const [view] = await toRolloutViews(deps.prisma, [latest]);
  return { current: null, latest: view!, series: await rolloutSeries(deps.prisma, latest) };
}
export type RolloutPanel = NonNullable<Awaited<ReturnType<typeof rolloutPanel>>>;
