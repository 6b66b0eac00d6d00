import http, { type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { OpenAPIBackend, type Request as OpenApiRequest } from "openapi-backend";

// GitHub's API can't be reached from here: this stands in for it (PIER_GITHUB_API_URL) on 127.0.0.1. Every request
// is checked against GitHub's own published OpenAPI description (@octokit/openapi): a path GitHub doesn't have, or a
// body, query or parameter its schema refuses, is answered 404/422 and listed in `invalid`, so a wrong call fails the
// test that made it. Tests say what each operation answers (`on`), by GitHub's operationId.

export interface GithubRequest {
  /** GitHub's name of the operation, e.g. `repos/create-deployment-status`. */
  operationId: string;
  method: string;
  path: string;
  params: Record<string, string>;
  query: Record<string, string | string[]>;
  body: unknown;
  headers: IncomingHttpHeaders;
}

export interface GithubAnswer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type GithubHandler = (request: GithubRequest) => GithubAnswer | Promise<GithubAnswer>;

export interface FakeGithub {
  /** The API's base URL (no trailing slash): what PIER_GITHUB_API_URL is set to. */
  url: string;
  /** Every request that matched one of GitHub's operations and passed its schema, in arrival order. */
  requests: GithubRequest[];
  /** Requests GitHub's description refuses (unknown path or method, invalid parameters or body): tests expect none. */
  invalid: Array<{ method: string; path: string; problem: string }>;
  /** What `operationId` answers from now on (an operation without a handler answers 501). */
  on(operationId: string, handler: GithubHandler): void;
  /** The next `times` requests of `operationId` get `status` (an outage), before its handler answers again. */
  failNext(operationId: string, status: number, times?: number): void;
  /** The requests of one operation so far. */
  calls(operationId: string): GithubRequest[];
  close(): Promise<void>;
}

let description: Promise<OpenAPIBackend> | undefined;

/** GitHub's OpenAPI description, loaded and indexed once per test process (~0.6 s). */
function githubDescription(): Promise<OpenAPIBackend> {
  description ??= (async () => {
    const require = createRequire(import.meta.url);
    const file = require.resolve("@octokit/openapi/generated/api.github.com.json");
    const definition = JSON.parse(await readFile(file, "utf8"));
    // quick: the description is GitHub's own (not checked again); validation still runs on every request.
    const api = new OpenAPIBackend({ definition, quick: true, validate: true, strict: false });
    await api.init();
    return api;
  })();
  return description;
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => (text += chunk));
    req.on("end", () => resolve(text));
    req.on("error", reject);
  });
}

function send(res: http.ServerResponse, answer: GithubAnswer) {
  const body = answer.body === undefined ? "" : JSON.stringify(answer.body);
  res.writeHead(answer.status, { "content-type": "application/json; charset=utf-8", ...answer.headers });
  res.end(body);
}

export async function startFakeGithub(): Promise<FakeGithub> {
  const api = await githubDescription();
  const handlers = new Map<string, GithubHandler>();
  const outages = new Map<string, { status: number; left: number }>();
  const requests: GithubRequest[] = [];
  const invalid: FakeGithub["invalid"] = [];

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://github.invalid");
    const text = await readBody(req);
    let body: unknown = text;
    if (text && (req.headers["content-type"] ?? "").includes("json")) {
      try {
        body = JSON.parse(text);
      } catch {
        invalid.push({ method: req.method ?? "", path: url.pathname, problem: "body is not JSON" });
        return send(res, { status: 400, body: { message: "Problems parsing JSON" } });
      }
    }
    const query = Object.fromEntries(url.searchParams.entries());
    const candidate: OpenApiRequest = {
      method: (req.method ?? "GET").toLowerCase(),
      path: url.pathname,
      query,
      headers: req.headers as OpenApiRequest["headers"],
      body,
    };
    const operation = api.matchOperation(candidate);
    if (!operation?.operationId) {
      invalid.push({ method: candidate.method, path: url.pathname, problem: "GitHub has no such operation" });
      return send(res, { status: 404, body: { message: "Not Found" } });
    }
    const validation = api.validateRequest(candidate, operation);
    if (!validation.valid) {
      const problem = `${operation.operationId}: ${JSON.stringify(validation.errors)}`;
      invalid.push({ method: candidate.method, path: url.pathname, problem });
      return send(res, { status: 422, body: { message: "Validation Failed", errors: validation.errors } });
    }
    const parsed = api.router.parseRequest(candidate, operation);
    const request: GithubRequest = {
      operationId: operation.operationId,
      method: candidate.method.toUpperCase(),
      path: url.pathname,
      params: parsed.params as Record<string, string>,
      query: parsed.query as Record<string, string | string[]>,
      body,
      headers: req.headers,
    };
    requests.push(request);
    const outage = outages.get(request.operationId);
    if (outage && outage.left > 0) {
      outage.left--;
      return send(res, { status: outage.status, body: { message: "Service Unavailable (a test's outage)" } });
    }
    const handler = handlers.get(request.operationId);
    if (!handler) return send(res, { status: 501, body: { message: `no handler for ${request.operationId}` } });
    send(res, await handler(request));
  };

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: Error) => send(res, { status: 500, body: { message: error.message } }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    invalid,
    on: (operationId, handler) => void handlers.set(operationId, handler),
    failNext: (operationId, status, times = 1) => void outages.set(operationId, { status, left: times }),
    calls: (operationId) => requests.filter((r) => r.operationId === operationId),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
