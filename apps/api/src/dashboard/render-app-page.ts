import type { Deployment } from "@pier/db";
import { replicaStatuses } from "@pier/replicas";
import { METRIC_WINDOWS, type MetricWindow } from "@pier/shared";
import type { FastifyReply, FastifyRequest } from "fastify";
import { findAppByName } from "../services/apps.ts";
import { listDomains } from "../services/domains.ts";
import { listSchedules } from "../services/schedules.ts";
import { rolloutPanel } from "../services/rollouts.ts";
import { deliveriesOf } from "../services/deliveries.ts";
import { appMetrics } from "../services/metrics.ts";
import { toReleaseDtos } from "../services/releases.ts";
import { toAppDto, toDeploymentDto } from "../services/views.ts";
import { deploymentWhere, FIRST_PAGE, pageWindow, type DeploymentFilter } from "./deployment-filter.ts";
import type { FieldErrors, FormValues } from "./forms.ts";
import type { DashboardKit } from "./kit.ts";
import { appPage } from "./pages/app.ts";

/** A form of the app page as typed, and its errors: shown again when a post is refused. */
export interface FormState {
  values: FormValues;
  errors: FieldErrors;
}

export interface AppPageForms {
  scale?: FormState;
  autoscale?: FormState;
  domain?: FormState;
  schedule?: FormState;
}

/** Webhook deliveries listed under the releases. */
const DELIVERIES_SHOWN = 10;
/** Autoscale decisions listed under the charts. */
const LATEST_DECISIONS = 5;
/** More marks than this in one window would blur into a bar on a 320-px chart; the newest are kept. */
const MAX_DECISION_MARKS = 300;

const decisionFields = { at: true, fromReplicas: true, toReplicas: true, reason: true, panic: true } as const;

/**
 * Loads everything the app's overview shows and answers with it (the page, or the page with a form's errors);
 * `filter` picks the page of deployments listed.
 */
export async function renderAppPage(
  kit: DashboardKit,
  request: FastifyRequest,
  reply: FastifyReply,
  name: string,
  window: MetricWindow,
  forms: AppPageForms = {},
  status = 200,
  filter: DeploymentFilter = FIRST_PAGE,
) {
  const { deps } = kit;
  const { config, prisma } = deps;
  const target = await findAppByName(prisma, name);
  const windowStart = new Date(Date.now() - METRIC_WINDOWS[window].ms);
  const loaded = await Promise.all([
    prisma.deployment.findMany({
      where: deploymentWhere(target.id, filter),
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      ...pageWindow(filter),
    }),
    prisma.release.findMany({ where: { appId: target.id }, orderBy: { version: "desc" }, take: 30 }),
    replicaStatuses(deps, [target]),
    appMetrics(prisma, target.id, window),
    prisma.scaleDecision.findMany({
      where: { appId: target.id, at: { gte: windowStart } },
      orderBy: { at: "desc" },
      take: MAX_DECISION_MARKS,
      select: decisionFields,
    }),
    prisma.scaleDecision.findMany({
      where: { appId: target.id },
      orderBy: { at: "desc" },
      take: LATEST_DECISIONS,
      select: decisionFields,
    }),
    listDomains({ ...deps, log: request.log }, target.id),
    deliveriesOf(deps, target.id, DELIVERIES_SHOWN),
    listSchedules(deps, target.id),
    rolloutPanel(deps, target.id),
  ]);
  const [deployments, releases, statuses, metrics, decisionsInWindow, latestDecisions, domains, deliveries] = loaded;
  const schedules = loaded[8];
  const rollout = loaded[9];
  const [matching, branches, anyDeployment] = await Promise.all([
    prisma.deployment.count({ where: deploymentWhere(target.id, filter) }),
    prisma.deployment.findMany({
      where: { appId: target.id },
      distinct: ["branch"],
      select: { branch: true },
      orderBy: { branch: "asc" },
    }),
    deployments.length > 0 || prisma.deployment.count({ where: { appId: target.id }, take: 1 }).then((n) => n > 0),
  ]);
  const production: Deployment | null = target.productionDeploymentId
    ? (deployments.find((d) => d.id === target.productionDeploymentId) ??
      (await prisma.deployment.findUnique({ where: { id: target.productionDeploymentId } })))
    : null;
  const page = appPage(kit.context(request, reply), {
    app: toAppDto(config, target, statuses.get(target.id), { domains }),
    deployments: deployments.map((d) => ({ view: toDeploymentDto(config, d, target), raw: d })),
    releases: await toReleaseDtos(deps, target.id, releases, target.productionDeploymentId),
    production,
    metrics,
    window,
    maxReplicas: config.PIER_MAX_REPLICAS,
    scaleDecisions: { inWindow: decisionsInWindow, latest: latestDecisions },
    scale: forms.scale ?? { values: {}, errors: {} },
    autoscale: forms.autoscale ?? { values: {}, errors: {} },
    domain: forms.domain ?? { values: {}, errors: {} },
    schedules,
    rollout,
    schedule: forms.schedule ?? { values: {}, errors: {} },
    deliveries,
    history: { filter, matching, branches: branches.map((b) => b.branch), anyDeployment },
  });
  return kit.page(reply, page, status);
}
