import http from "node:http";
import { Agent, type Dispatcher } from "undici";
import net from "node:net";
import { errorPage } from "./pages.ts";
import type { RouteTable } from "./route-table.ts";

// Headers that describe one hop, not the request: never forwarded (RFC 9110 §7.6.1).
const HOP_BY_HOP = new Set(["connection", "keep-alive", "proxy-connection", "transfer-encoding", "te", "trailer", "upgrade", "proxy-authorization"]);

function forwardHeaders(req: http.IncomingMessage): http.OutgoingHttpHeaders {
  const headers: http.OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(req.headers)) if (!HOP_BY_HOP.has(name)) headers[name] = value;
  const client = req.socket.remoteAddress ?? "";
  headers["x-forwarded-for"] = req.headers["x-forwarded-for"] ? `${req.headers["x-forwarded-for"]}, ${client}` : client;
  headers["x-forwarded-host"] = req.headers.host ?? "";
  headers["x-forwarded-proto"] = "http";
  return headers;
}

const RETRY_DELAY_MS = 50;
const RETRYABLE_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "UND_ERR_SOCKET", "UND_ERR_CLOSED"]);

function isRetryable(req: http.IncomingMessage, error: NodeJS.ErrnoException): boolean {
  const bodyless = req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS";
  return bodyless && RETRYABLE_CODES.has(error.code ?? "");
}

/** Upstream response headers minus hop-by-hop ones, in the flat [name, value, …] form writeHead takes. */
function responseHeaders(raw: Buffer[] | string[] | null): string[] {
  const out: string[] = [];
  if (!raw) return out;
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i]!.toString();
    if (!HOP_BY_HOP.has(name.toLowerCase())) out.push(name, raw[i + 1]!.toString());
  }
  return out;
}

function sendPage(res: http.ServerResponse, status: number, title: string, detail: string) {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(status, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" }).end(errorPage(status, title, detail));
}

/**
 * Creates the router's HTTP server. `table()` returns the current table; reloads swap it under us.
 * Upstream connections are kept alive: that is most of a Node proxy's throughput.
 */
export function createProxyServer(table: () => RouteTable): http.Server {
  // undici keeps upstream connections alive and parses responses with less work per request than http.request.
  const upstreams = new Agent({ keepAliveTimeout: 30_000, connections: 256, pipelining: 1 });

  const server = http.createServer((req, res) => {
    const forward = (attempt: number) => {
      const route = table().resolve(req.headers.host);
      if (route.kind === "unknown") return sendPage(res, 404, "No app here", `Nothing is deployed at ${route.host || "this address"}.`);
      if (route.kind === "down") return sendPage(res, 503, "App not running", `${route.label} has no running deployment right now.`);
      const bodyless = req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS";
      let answered = false;
      upstreams.dispatch(
        {
          origin: `http://127.0.0.1:${route.port}`,
          path: req.url ?? "/",
          method: req.method as Dispatcher.HttpMethod,
          headers: forwardHeaders(req) as Record<string, string>,
          body: bodyless ? null : req,
        },
        {
          onConnect: (abort) => {
            res.once("close", () => {
              if (!res.writableFinished) abort();
            });
          },
          onHeaders: (statusCode, rawHeaders, resume) => {
            answered = true;
            res.writeHead(statusCode, responseHeaders(rawHeaders));
            res.on("drain", resume);
            return true;
          },
          onData: (chunk) => res.write(chunk),
          onComplete: () => res.end(),
          onError: (error: NodeJS.ErrnoException) => {
            // A container stopping right after a switch can refuse or reset a request the router sent it
            // a moment before its table changed. Requests without a body are safe to send once more.
            if (!answered && attempt === 0 && isRetryable(req, error)) {
              setTimeout(() => forward(1), RETRY_DELAY_MS);
              return;
            }
            if (answered) res.destroy(error);
            else sendPage(res, 502, "App not answering", `${route.label} did not answer (${error.code ?? error.message}).`);
          },
        },
      );
    };
    forward(0);
  });

  // WebSockets and other upgrades: splice the two sockets once the app accepts.
  server.on("upgrade", (req: http.IncomingMessage, socket: net.Socket, head: Buffer) => {
    const route = table().resolve(req.headers.host);
    if (route.kind !== "upstream") return socket.end("HTTP/1.1 404 Not Found\r\nconnection: close\r\n\r\n");
    const upstream = net.connect(route.port, "127.0.0.1", () => {
      const lines = [`${req.method} ${req.url} HTTP/1.1`];
      for (let i = 0; i < req.rawHeaders.length; i += 2) lines.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
      upstream.write(`${lines.join("\r\n")}\r\n\r\n`);
      if (head.length) upstream.write(head);
      upstream.pipe(socket).pipe(upstream);
    });
    const close = () => {
      upstream.destroy();
      socket.destroy();
    };
    upstream.on("error", close);
    socket.on("error", close);
  });

  server.keepAliveTimeout = 65_000;
  server.on("close", () => void upstreams.destroy());
  return server;
}
