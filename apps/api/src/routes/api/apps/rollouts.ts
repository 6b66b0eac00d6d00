import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { appParams } from "../../../schemas/app.ts";
import { APP_NOT_FOUND, apiErrors, withExample } from "../../../schemas/common.ts";
import {
  abortedRolloutExample,
  currentRolloutDto,
  currentRolloutExample,
  rolloutDto,
  rolloutExample,
  rolloutParams,
  rolloutsDto,
  startRolloutBody,
} from "../../../schemas/rollout.ts";
import { controlRollout, listRollouts, startAppRollout, type RolloutAction } from "../../../services/rollouts.ts";

/** The four controls of a running rollout, each its own operation. */
const CONTROLS: Array<{ action: RolloutAction; operationId: string; summary: string; description: string }> = [
  {
    action: "pause",
    operationId: "pauseRollout",
    summary: "Stop a rollout's steps; the split stays as it is",
    description: "The candidate keeps its share and its gate keeps watching (a failing gate still aborts).",
  },
  {
    action: "resume",
    operationId: "resumeRollout",
    summary: "Let a paused rollout step again",
    description: "The current step starts over: its full interval, judged by the gate on fresh traffic.",
  },
  {
    action: "promote",
    operationId: "promoteRollout",
    summary: "Skip the remaining steps: the candidate becomes production now",
    description: "A release of kind ROLLOUT; the rollout ends SUCCEEDED.",
  },
  {
    action: "abort",
    operationId: "abortRollout",
    summary: "All traffic back to production now; the candidate's replicas stop",
    description: "The rollout ends ABORTED with weight 0; the app's notification channels get rollout.aborted.",
  },
];

const rolloutsRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = app.pier;

  app.get(
    "/api/apps/:name/rollouts",
    {
      schema: {
        summary: "The app's gradual rollout now, with each version's figures, and its earlier ones",
        description:
          "current: the running or paused rollout (step, split, the gate's figures since the step started, and the " +
          "candidate's and production's error rate and p95 over the last minute); history: earlier ones.",
        operationId: "listRollouts",
        tags: ["releases"],
        params: appParams,
        response: {
          200: withExample(rolloutsDto.describe("The rollout now and earlier ones"), {
            current: currentRolloutExample,
            history: [abortedRolloutExample],
          }),
          ...apiErrors({ 404: APP_NOT_FOUND }),
        },
      },
    },
    async (request) => listRollouts(deps, request.params.name),
  );

  app.post(
    "/api/apps/:name/rollouts",
    {
      schema: {
        summary: "Start a gradual rollout of a deployment, gated on its own error rate and p95",
        description:
          "The candidate (a READY deployment of the app, running at its own URL, not production) gets steps[0] % of " +
          "new clients, sticky per client; each step lasts intervalSeconds, then the next if the gate passed on the " +
          "candidate's traffic since the step began; at 100 % it becomes production (a ROLLOUT release). A gate " +
          "broken at any time aborts: all traffic back to production, the candidate stopped, an alert.",
        operationId: "startRollout",
        tags: ["releases"],
        params: appParams,
        body: startRolloutBody,
        response: {
          201: withExample(currentRolloutDto.describe("The rollout, started"), {
            ...currentRolloutExample,
            stepIndex: 0,
            weight: 5,
          }),
          ...apiErrors({
            404: "No app has this name, or it has no deployment with this id (deploymentId)",
            409:
              "The app already has a running rollout, or the deployment can't be rolled out (not READY, " +
              "production, not running)",
          }),
        },
      },
    },
    async (request, reply) => {
      reply.status(201);
      return startAppRollout(deps, request.params.name, request.body, "API");
    },
  );

  for (const control of CONTROLS) {
    app.post(
      `/api/apps/:name/rollouts/:id/${control.action}`,
      {
        schema: {
          summary: control.summary,
          description: control.description,
          operationId: control.operationId,
          tags: ["releases"],
          params: rolloutParams,
          response: {
            200: withExample(rolloutDto.describe("The rollout after the change"), rolloutExample),
            ...apiErrors({
              404: "No app has this name, or it has no rollout with this id",
              409: "The rollout is not in a state that allows this (it ended, or is not paused)",
            }),
          },
        },
      },
      async (request) =>
        controlRollout(
          deps,
          request.log,
          { appName: request.params.name, rolloutId: request.params.id, cause: "API" },
          control.action,
        ),
    );
  }
};

export default rolloutsRoutes;
