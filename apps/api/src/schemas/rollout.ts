import { rolloutGateSchema, rolloutIntervalSchema, rolloutStepsSchema } from "@pier/shared";
import { z } from "zod";
import { appName } from "./app.ts";
import { examples } from "./common.ts";
import { deploymentIdField } from "./release.ts";

const rolloutId = z.string().regex(/^[a-z0-9]{1,64}$/, "must be a rollout id");
export const rolloutParams = z.object({ name: appName, id: rolloutId });

export const startRolloutBody = z
  .object({
    deploymentId: deploymentIdField.describe("The candidate: a READY deployment of the app, running, not production"),
    steps: rolloutStepsSchema.describe("The candidate's share of new clients per step, in %: ascending, ending at 100"),
    intervalSeconds: rolloutIntervalSchema.describe("How long each step lasts before the gate lets it go on"),
    gate: rolloutGateSchema
      .nullable()
      .describe("Limits on the candidate's own traffic; a step over one aborts the rollout (absent: timer only)")
      .optional(),
  })
  .strict()
  .meta(
    examples({
      deploymentId: "k3v9x2m1q8",
      steps: [5, 25, 50, 100],
      intervalSeconds: 300,
      gate: { maxErrorRate: 0.01, maxP95Ms: 500 },
    }),
  );

const deploymentRef = z.object({ id: z.string(), shortId: z.string() });
export const trafficFiguresDto = z.object({
  requests: z.number(),
  errors: z.number().describe("5xx answers"),
  errorRate: z.number().nullable().describe("errors / requests; null without requests"),
  p95Ms: z.number().nullable().describe("p95 latency in ms; null without requests"),
});

export const rolloutDto = z.object({
  id: z.string(),
  state: z.enum(["RUNNING", "PAUSED", "SUCCEEDED", "ABORTED"]),
  steps: z.array(z.number()),
  stepIndex: z.number().describe("Index into steps of the step served now"),
  weight: z.number().describe("The candidate's share of new clients now, in % (0 once aborted)"),
  intervalSeconds: z.number(),
  gate: rolloutGateSchema.nullable(),
  candidate: deploymentRef,
  base: deploymentRef.describe("Production when the rollout started: it serves the rest"),
  reason: z.string().nullable().describe("Why it paused, waits, ended or was aborted (the gate's figures vs limits)"),
  cause: z.enum(["PUSH", "API", "DASHBOARD", "AUTO", "SCHEDULE"]),
  stepStartedAt: z.string(),
  nextStepAt: z.string().nullable().describe("When the current step's interval ends (null: paused or ended)"),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});

export const currentRolloutDto = rolloutDto.extend({
  gateFigures: trafficFiguresDto.describe("The candidate's traffic since the step started: what the gate judges"),
  versions: z
    .object({ candidate: trafficFiguresDto, base: trafficFiguresDto })
    .describe("Each version's own traffic over the last minute"),
});

export const rolloutsDto = z.object({
  current: currentRolloutDto.nullable().describe("The running or paused rollout, if any"),
  history: z.array(rolloutDto).describe("Earlier rollouts, newest first (the last 20)"),
});

const figuresExample = (requests: number, errors: number, p95Ms: number) => ({
  requests,
  errors,
  errorRate: errors / requests,
  p95Ms,
});
/** A rollout as the API answers it: the second step of three, its gate passing so far. */
export const rolloutExample: z.output<typeof rolloutDto> = {
  id: "r7k2m9x1q3v8b4n6",
  state: "RUNNING",
  steps: [5, 25, 50, 100],
  stepIndex: 1,
  weight: 25,
  intervalSeconds: 300,
  gate: { maxErrorRate: 0.01, maxP95Ms: 500 },
  candidate: { id: "k3v9x2m1q8w7e6r5", shortId: "k3v9x2m1" },
  base: { id: "p4t8z1c6y2u9i0o3", shortId: "p4t8z1c6" },
  reason: null,
  cause: "API",
  stepStartedAt: "2026-12-13T10:05:00.000Z",
  nextStepAt: "2026-12-13T10:10:00.000Z",
  createdAt: "2026-12-13T10:00:00.000Z",
  finishedAt: null,
};
export const currentRolloutExample: z.output<typeof currentRolloutDto> = {
  ...rolloutExample,
  gateFigures: figuresExample(412, 1, 84),
  versions: { candidate: figuresExample(96, 0, 80), base: figuresExample(288, 1, 92) },
};
export const abortedRolloutExample: z.output<typeof rolloutDto> = {
  ...rolloutExample,
  state: "ABORTED",
  weight: 0,
  reason: "gate failed on 48 requests (48 5xx): error rate 100.0 % over the limit 1.0 %",
  nextStepAt: null,
  finishedAt: "2026-12-13T10:06:12.000Z",
};
