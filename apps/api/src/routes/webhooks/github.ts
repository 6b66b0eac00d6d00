import type { App } from "@pier/db";
import { isValidAppName } from "@pier/shared";
import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { decidePush, parsePushEvent } from "../../github/push-event.ts";
import { handlePullRequest, parsePullRequestEvent, rememberGithubRepository } from "../../github/pull-request-event.ts";
import { isValidSignature } from "../../github/signature.ts";
import { appParams } from "../../schemas/app.ts";
import { errorResponse, examples } from "../../schemas/common.ts";

const refusal = (why: string) => errorResponse.describe(why);
import { requestBudget, type RequestCounters } from "../../plugins/app/rate-limit.ts";
import { createDeployment } from "../../services/create-deployment.ts";
import { AppError, ERROR_STATUS } from "../../errors.ts";
import { stopPreview } from "@pier/release";
import { secretBox } from "@pier/shared";
import { previewSlugOf } from "../../services/previews.ts";
import { earlierPushOf } from "../../services/push-replay.ts";
import { GITHUB_WEBHOOK_ACTOR } from "../../services/audit.ts";
import { recordDelivery, type DeliveryRecord } from "@pier/github";

const webhookAnswer = z.object({
  ok: z.boolean(),
  deploymentId: z.string().optional(),
  status: z.string().optional(),
  duplicate: z.boolean().optional(),
  ignored: z.boolean().optional(),
  reason: z.string().optional(),
});

/** GitHub signs the exact bytes it sent, so the body stays raw until the signature is checked. */
function rawBodyParser(_request: unknown, body: Buffer, done: (err: Error | null, body?: Buffer) => void) {
  done(null, body);
}

/** Form-encoded deliveries carry the JSON in a `payload` field. */
function payloadText(contentType: string | undefined, raw: Buffer): string {
  if (contentType?.startsWith("application/x-www-form-urlencoded")) {
    return new URLSearchParams(raw.toString("utf8")).get("payload") ?? "";
  }
  return raw.toString("utf8");
}

/** Refusals worth listing among the app's deliveries: bad request, bad signature, too large, wrong media type. */
const RECORDED_REFUSALS = new Set([400, 401, 413, 415]);

const NO_SIGNATURE = "X-Hub-Signature-256 is missing or does not match this app's webhook secret";

/**
 * The webhook reads as little as it can before a delivery proves itself: an unknown app is a 404 and an
 * unsigned delivery a 401 before the body is read, and a body over PIER_WEBHOOK_BODY_LIMIT_MB is a 413
 * (by its Content-Length, before it is read). Only signed deliveries spend their app's budget; refused
 * ones spend their sender's (per address), so nobody without the secret can use up an app's deliveries.
 */
const githubWebhook: FastifyPluginAsyncZod<{ counters: RequestCounters }> = async (app, { counters }) => {
  const { config, prisma } = app.pier;
  const perMinute = config.PIER_WEBHOOK_RATE_LIMIT_PER_MINUTE;
  const delivered = requestBudget(counters, { name: "webhook", perMinute });
  const refused = requestBudget(counters, { name: "webhook-refused", perMinute });
  const targets = new WeakMap<FastifyRequest, App>();
  const refuse = async (request: FastifyRequest): Promise<never> => {
    await refused(request.ip);
    throw new AppError("invalid_signature", NO_SIGNATURE, "X-Hub-Signature-256");
  };

  app.addContentTypeParser(
    ["application/json", "application/x-www-form-urlencoded"],
    { parseAs: "buffer", bodyLimit: config.PIER_WEBHOOK_BODY_LIMIT_MB * 1024 * 1024 },
    rawBodyParser,
  );

  app.post(
    "/webhooks/github/:name",
    {
      schema: {
        summary: "GitHub webhook (push, pull_request, ping) for one app",
        description:
          "Give GitHub this URL and the app's webhook secret (content type application/json). Signed with " +
          "X-Hub-Signature-256 instead of a bearer token. A push to the app's branch deploys it, to another branch " +
          "its preview (if previews are on); a deleted branch stops its preview.",
        operationId: "receiveGithubWebhook",
        tags: ["webhooks"],
        security: [],
        params: appParams,
        response: {
          200: webhookAnswer.describe("A ping, answered").meta(examples({ ok: true })),
          202: webhookAnswer
            .describe("Accepted: a deployment queued, or ignored or a preview stopped (with why)")
            .meta(
              examples(
                { ok: true, deploymentId: "k3v9x2m1q8", status: "QUEUED" },
                { ok: true, ignored: true, reason: "push to docs, not the app's branch main" },
              ),
            ),
          400: refusal("A payload that isn't valid JSON, or a push or pull_request without its fields"),
          401: refusal("X-Hub-Signature-256 is missing or doesn't match the app's webhook secret"),
          404: refusal("No app has this name"),
          413: refusal("The delivery is over PIER_WEBHOOK_BODY_LIMIT_MB"),
          415: refusal("Not application/json nor form-encoded"),
          429: refusal("Too many deliveries for this app (or refused ones from this address) this minute"),
          503: refusal("Pier's database or job queue can't be reached right now; GitHub may redeliver"),
        },
      },
      // Before the body is read (params are only validated after it).
      onRequest: async (request) => {
        const { name } = request.params as { name: string };
        const found = isValidAppName(name) ? await prisma.app.findUnique({ where: { name } }) : null;
        if (!found) throw new AppError("app_not_found", `app ${name.slice(0, 60)} does not exist`, "name");
        targets.set(request, found);
        if (typeof request.headers["x-hub-signature-256"] !== "string") await refuse(request);
      },
      // A delivery refused for what it is (unsigned, bad JSON, too large) is listed with why; a rate-limited one
      // (429) is not, so a flood costs no writes.
      onError: async (request, _reply, error) => {
        const target = targets.get(request);
        const status =
          error instanceof AppError ? ERROR_STATUS[error.code] : (error as { statusCode?: number }).statusCode;
        if (!target || !status || !RECORDED_REFUSALS.has(status)) return;
        await recordDelivery(app.pier.prisma, config.PIER_WEBHOOK_DELIVERIES_KEPT, {
          appId: target.id,
          githubId: deliveryIdOf(request) ?? null,
          event: eventOf(request),
          outcome: "rejected",
          reason: `${status}: ${error.message}`,
        }).catch((recordError: unknown) =>
          request.log.error({ err: recordError }, "could not record a rejected delivery"),
        );
      },
    },
    async (request, reply) => {
      const deps = app.pier;
      const appRecord = targets.get(request)!;
      const raw = request.body;
      if (!Buffer.isBuffer(raw))
        throw new AppError("unsupported_media_type", "send application/json (or form-encoded) deliveries");
      const signature = request.headers["x-hub-signature-256"];
      if (
        !isValidSignature(
          secretBox(deps.config).open(appRecord.webhookSecret),
          raw,
          typeof signature === "string" ? signature : undefined,
        )
      ) {
        await refuse(request);
      }
      request.auditActor = GITHUB_WEBHOOK_ACTOR;
      await delivered(appRecord.name);
      let payload: unknown;
      try {
        payload = JSON.parse(payloadText(request.headers["content-type"], raw));
      } catch (error) {
        throw new AppError("invalid_json", `body is not valid JSON: ${(error as Error).message}`, "body");
      }
      const event = eventOf(request);
      const deliveryId = deliveryIdOf(request);
      const answer = async (status: 200 | 202, body: z.infer<typeof webhookAnswer>, record: Outcome) => {
        await recordDelivery(deps.prisma, deps.config.PIER_WEBHOOK_DELIVERIES_KEPT, {
          appId: appRecord.id,
          githubId: deliveryId ?? null,
          event,
          reason: body.reason ?? null,
          deploymentId: body.deploymentId ?? null,
          ...record,
        });
        return reply.status(status).send(body);
      };
      await rememberGithubRepository(deps, appRecord, payload);
      if (event === "ping") return answer(200, { ok: true, reason: "pong" }, { outcome: "ignored" });
      if (event === "pull_request") {
        const pr = parsePullRequestEvent(payload);
        if (!pr) throw new AppError("validation_failed", "pull_request payload has no number/head", "body");
        const { outcome, ...body } = await handlePullRequest(deps, appRecord, pr);
        return answer(202, { ok: true, ...body }, { outcome, branch: pr.branch, commitSha: pr.headSha });
      }
      if (event !== "push")
        return answer(
          202,
          { ok: true, ignored: true, reason: `event ${event} is not handled` },
          { outcome: "ignored" },
        );

      const push = parsePushEvent(payload);
      if (!push) throw new AppError("validation_failed", "push payload has no ref/after", "body");
      const decision = decidePush(push, appRecord);
      const pushed = {
        commitSha: /^[0-9a-f]{40}$/.test(push.after) ? push.after : null,
        branch: push.ref.replace(/^refs\/(heads|tags)\//, ""),
      };
      if (decision.action === "ignore")
        return answer(202, { ok: true, ignored: true, reason: decision.reason }, { outcome: "ignored", ...pushed });
      if (decision.action === "stop-preview") {
        const slug = previewSlugOf(appRecord.name, decision.branch);
        const stopped = await stopPreview(deps, appRecord.id, slug);
        const reason = `branch ${decision.branch} was deleted: its preview stopped (${stopped} container(s))`;
        return answer(202, { ok: true, reason }, { outcome: "stopped", branch: decision.branch });
      }

      const at = { commitSha: decision.commit.sha, branch: decision.branch };
      const earlier = await earlierPushOf(deps.prisma, appRecord.id, decision.branch, decision.commit.sha);
      // The same delivery again (GitHub's redeliver) is answered as a duplicate by createDeployment.
      if (earlier && (!deliveryId || earlier.deliveryId !== deliveryId)) {
        const reason =
          `commit ${decision.commit.sha.slice(0, 12)} of ${decision.branch} was pushed before ` +
          `(deployment ${earlier.shortId}, ${earlier.status}): ` +
          "a push never deploys a commit again nor moves production back; use rollback or deploy";
        const body = { ok: true, ignored: true, duplicate: true, deploymentId: earlier.id, reason };
        return answer(202, body, { outcome: "ignored", ...at });
      }
      const created = await createDeployment(deps, {
        app: appRecord,
        trigger: "PUSH",
        branch: decision.branch,
        previewSlug: decision.preview ? previewSlugOf(appRecord.name, decision.branch) : undefined,
        commit: decision.commit,
        deliveryId,
        parentSha: decision.parentSha,
      });
      const id = created.deployment.id;
      const status = created.deployment.status;
      if (created.duplicate) {
        const body = { ok: true, deploymentId: id, status, duplicate: true, reason: "delivery already received" };
        return answer(202, body, { outcome: "ignored", ...at });
      }
      if (created.skipped) {
        const body = { ok: true, ignored: true, deploymentId: id, status, reason: created.skipped };
        return answer(202, body, { outcome: "ignored", ...at });
      }
      return answer(202, { ok: true, deploymentId: id, status }, { outcome: "deployed", ...at });
    },
  );
};

type Outcome = Pick<DeliveryRecord, "outcome"> & Partial<Pick<DeliveryRecord, "commitSha" | "branch">>;

const eventOf = (request: FastifyRequest) => {
  const event = request.headers["x-github-event"];
  return typeof event === "string" && event.length > 0 ? event.slice(0, 100) : "(none)";
};

const deliveryIdOf = (request: FastifyRequest) => {
  const delivery = request.headers["x-github-delivery"];
  return typeof delivery === "string" && delivery.length > 0 ? delivery.slice(0, 200) : undefined;
};

export default githubWebhook;
