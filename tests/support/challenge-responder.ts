import { ACME_CHALLENGE_PATH, acmeChallengeKey } from "@pier/shared";
import type { Redis } from "ioredis";
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface ChallengeResponder {
  port: number;
  /** Every token the CA asked for, in order. */
  tokensAsked: string[];
  close(): Promise<void>;
}

/**
 * Stands in for the router's HTTP-01 answers where no router runs: an HTTP server on 127.0.0.1 answering
 * /.well-known/acme-challenge/<token> from the token's Redis key (404 without one). Point pebble's httpPort at it.
 */
export async function startChallengeResponder(redis: Redis): Promise<ChallengeResponder> {
  const tokensAsked: string[] = [];
  const server = http.createServer((req, res) => {
    const path = req.url ?? "";
    if (!path.startsWith(ACME_CHALLENGE_PATH)) return void res.writeHead(404).end("not a challenge");
    const token = path.slice(ACME_CHALLENGE_PATH.length);
    tokensAsked.push(token);
    redis.get(acmeChallengeKey(token)).then(
      (answer) => res.writeHead(answer ? 200 : 404).end(answer ?? "no such challenge"),
      (error: Error) => res.writeHead(500).end(error.message),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as AddressInfo).port,
    tokensAsked,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
