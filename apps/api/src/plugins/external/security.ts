import helmet from "@fastify/helmet";
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";

/** Security headers on every answer (pages that need a different CSP, like /docs, set their own). */
export default fp(
  async (app: FastifyInstance) => {
    await app.register(helmet, { global: true, hsts: false /* Pier is often served over plain http on a LAN */ });
  },
  { name: "security-headers" },
);
