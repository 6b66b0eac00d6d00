import http from "node:http";

export interface RoutedResponse {
  status: number;
  body: string;
}

/** GET through the router with a Host header, the way a browser reaches `<label>.<domain>`. */
export function getViaRouter(routerPort: number, host: string, path = "/", timeoutMs = 5_000): Promise<RoutedResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: "127.0.0.1", port: routerPort, path, headers: { host }, timeout: timeoutMs },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", reject);
      },
    );
    req.on("timeout", () => req.destroy(new Error(`no answer from ${host} within ${timeoutMs} ms`)));
    req.on("error", reject);
    req.end();
  });
}

export interface FullResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** A request through the router with any headers (conditional, Range, Accept-Encoding); the body is not decoded. */
export function requestViaRouter(
  routerPort: number,
  host: string,
  path: string,
  headers: Record<string, string> = {},
  timeoutMs = 5_000,
): Promise<FullResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: "127.0.0.1", port: routerPort, path, headers: { ...headers, host }, timeout: timeoutMs },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
        res.on("error", reject);
      },
    );
    req.on("timeout", () => req.destroy(new Error(`no answer from ${host} within ${timeoutMs} ms`)));
    req.on("error", reject);
    req.end();
  });
}
