import type { App } from "@pier/db";
import { isValidAppName } from "@pier/shared";
import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { decidePush, parsePushEvent } from "../../github/push-event.ts";
import { isValidSignature } from "../../github/signature.ts";
import { appParams } from "../../schemas/app.ts";
import { errorResponse } from "../../schemas/common.ts";
import { requestBudget, type RequestCounters } from "../../plugins/app/rate-limit.ts";
import { createDeployment } from "../../services/create-deployment.ts";
import { AppError } from "../../errors.ts";
import { stopPreview } from "@pier/release";
import { secretBox } from "@pier/shared";
import { previewSlugOf } from "../../services/previews.ts";
import { earlierPushOf } from "../../services/push-replay.ts";
import { GITHUB_WEBHOOK_ACTOR } from "../../services/audit.ts";

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
        summary: "GitHub webhook (push, ping) for one app",
        params: appParams,
        response: {
          200: webhookAnswer,
          202: webhookAnswer,
          400: errorResponse,
          401: errorResponse,
          404: errorResponse,
          413: errorResponse,
          415: errorResponse,
          429: errorResponse,
          503: errorResponse,
        },
      },
      // Before the body is read (params are only validated after it).
      onRequest: async (request) => {
        const { name } = request.params as { name: string };
        const found = isValidAppName(name) ? await prisma.app.findUnique({ where: { name } }) : null;
        if (!found) throw new AppError("app_not_found", `app ${name.slice(0, 60)} does not exist`, "name");
        if (typeof request.headers["x-hub-signature-256"] !== "string") await refuse(request);
        targets.set(request, found);
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
      const event = request.headers["x-github-event"];
      if (event === "ping") return reply.status(200).send({ ok: true, reason: "pong" });
      if (event !== "push")
        return reply
          .status(202)
          .send({ ok: true, ignored: true, reason: `event ${String(event ?? "(none)")} is not handled` });

      const push = parsePushEvent(payload);
      if (!push) throw new AppError("validation_failed", "push payload has no ref/after", "body");
      const decision = decidePush(push, appRecord);
      if (decision.action === "ignore")
        return reply.status(202).send({ ok: true, ignored: true, reason: decision.reason });
      if (decision.action === "stop-preview") {
        const slug = previewSlugOf(appRecord.name, decision.branch);
        const stopped = await stopPreview(deps, appRecord.id, slug);
        return reply.status(202).send({
          ok: true,
          reason: `branch ${decision.branch} was deleted: its preview stopped (${stopped} container(s))`,
        });
      }

      const delivery = request.headers["x-github-delivery"];
      const deliveryId = typeof delivery === "string" && delivery.length > 0 ? delivery.slice(0, 200) : undefined;
      const earlier = await earlierPushOf(deps.prisma, appRecord.id, decision.branch, decision.commit.sha);
      // The same delivery again (GitHub's redeliver) is answered as a duplicate by createDeployment.
      if (earlier && (!deliveryId || earlier.deliveryId !== deliveryId)) {
        return reply.status(202).send({
          ok: true,
          ignored: true,
          duplicate: true,
          deploymentId: earlier.id,
          reason:
            `commit ${decision.commit.sha.slice(0, 12)} of ${decision.branch} was pushed before ` +
            `(deployment ${earlier.shortId}, ${earlier.status}): ` +
            "a push never deploys a commit again nor moves production back; use rollback or deploy",
        });
      }
      const created = await createDeployment(deps, {
        app: appRecord,
        trigger: "PUSH",
        branch: decision.branch,
        previewSlug: decision.preview ? previewSlugOf(appRecord.name, decision.branch) : undefined,
        commit: decision.commit,
        deliveryId,
      });
      return reply.status(202).send({
        ok: true,
        deploymentId: created.deployment.id,
        status: created.deployment.status,
        ...(created.duplicate ? { duplicate: true, reason: "delivery already received" } : {}),
      });
    },
  );
};

export default githubWebhook;
