import { ACME_CHALLENGE_PATH, acmeChallengeKey } from "@pier/shared";
import type { Redis } from "ioredis";
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { RouterLogger } from "./logger.ts";

export interface ChallengeResponder {
  /** Where HAProxy's `acme_challenges` backend sends `/.well-known/acme-challenge/…` (127.0.0.1). */
  port: number;
  close(): Promise<void>;
}

const TOKEN = /^[A-Za-z0-9_-]{1,256}$/;

/**
 * Answers ACME HTTP-01 challenges for every host the router receives: the CA fetches
 * `http://<domain>/.well-known/acme-challenge/<token>` and gets the key authorization whoever is issuing left in
 * Redis under that token. Anything else under that path is a 404, so an app never sees those requests.
 */
export async function startChallengeResponder(redis: Redis, logger: RouterLogger): Promise<ChallengeResponder> {
  const server = http.createServer((req, res) => {
    const answer = (status: number, body: string) => {
      res.writeHead(status, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" });
      res.end(body);
    };
    const url = req.url ?? "";
    const token = url.startsWith(ACME_CHALLENGE_PATH) ? url.slice(ACME_CHALLENGE_PATH.length) : "";
    if (req.method !== "GET" && req.method !== "HEAD") return answer(405, "Method not allowed\n");
    if (!TOKEN.test(token)) return answer(404, "No such challenge\n");
    redis.get(acmeChallengeKey(token)).then(
      (keyAuthorization) =>
        keyAuthorization === null ? answer(404, "No such challenge\n") : answer(200, keyAuthorization),
      (error: Error) => {
        logger.error({ err: error, token }, "could not read an ACME challenge from Redis");
        answer(503, "Challenge store unavailable\n");
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
