import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { examples } from "../schemas/common.ts";

const check = z.object({ ok: z.boolean(), latencyMs: z.number(), error: z.string().optional() });
const healthDto = z.object({ ok: z.boolean(), database: check, redis: check, docker: check });

async function timed(probe: () => Promise<unknown>): Promise<z.infer<typeof check>> {
  const started = performance.now();
  try {
    await Promise.race([
      probe(),
      new Promise((_, reject) => setTimeout(() => reject(new Error("timed out after 2 s")), 2_000).unref()),
    ]);
    return { ok: true, latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    return { ok: false, latencyMs: Math.round(performance.now() - started), error: (error as Error).message };
  }
}

const HEALTHY = {
  ok: true,
  database: { ok: true, latencyMs: 2 },
  redis: { ok: true, latencyMs: 1 },
  docker: { ok: true, latencyMs: 4 },
} satisfies z.output<typeof healthDto>;

/** Reachability of everything Pier needs; 503 when any is down. */
const healthz: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/healthz",
    {
      schema: {
        summary: "Health of the database, Redis and Docker",
        description: "No token needed: for load balancers and uptime checks. Each check times out after 2 s.",
        operationId: "getHealth",
        tags: ["platform"],
        security: [],
        response: {
          200: healthDto.describe("Everything Pier needs is reachable").meta(examples(HEALTHY)),
          503: healthDto.describe("Something Pier needs is down (its check says what)"),
        },
      },
    },
    async (_request, reply) => {
      const { prisma, redis, runtime } = app.pier;
      const [database, redisCheck, docker] = await Promise.all([
        timed(() => prisma.$queryRaw`SELECT 1`),
        timed(() => redis.ping()),
        timed(() => runtime.ping()),
      ]);
      const ok = database.ok && redisCheck.ok && docker.ok;
      return reply.status(ok ? 200 : 503).send({ ok, database, redis: redisCheck, docker });
    },
  );
};

export default healthz;
