import { execFileSync, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import type http from "node:http";
import https from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { selfSignedCertificate } from "./certificates.ts";

const HTTP_BACKEND = "/usr/lib/git-core/git-http-backend";

export interface PrivateGitServer {
  /** https://localhost:<port> */
  origin: string;
  /** localhost:<port>, for PIER_GIT_HOSTS. */
  host: string;
  /** The self-signed certificate's PEM, to be trusted (PIER_GIT_CA_FILE). */
  caPem: string;
  /** Requests so far: path and what the Authorization header carried (user, and whether the password was right). */
  requests: Array<{ path: string; user: string | null; authorized: boolean }>;
  /** Serves a bare clone of `sourceDir` as /<name>.git; returns its URL. */
  publish(sourceDir: string, name: string): string;
  close(): Promise<void>;
}

/**
 * A private git host: git's own CGI (`git http-backend`, smart HTTP) behind a Node HTTPS server on 127.0.0.1 with
 * a self-signed certificate for localhost, answering 401 with a Basic challenge unless the password is `token`.
 */
export async function startPrivateGitServer(
  token: string,
  /** Fetches (upload-pack) are held this long: a test can watch the clone while it runs. */
  options: { fetchDelayMs?: number } = {},
): Promise<PrivateGitServer> {
  const root = await mkdtemp(path.join(tmpdir(), "pier-git-host-"));
  const certificate = await selfSignedCertificate(["localhost"]);
  const requests: PrivateGitServer["requests"] = [];
  const server = https.createServer({ cert: certificate.certPem, key: certificate.keyPem }, (req, res) => {
    const url = new URL(req.url ?? "/", "https://localhost");
    const basic = /^Basic (.+)$/.exec(req.headers.authorization ?? "")?.[1];
    const [user = null, password = null] = basic ? Buffer.from(basic, "base64").toString().split(/:(.*)/s) : [];
    const authorized = password === token;
    requests.push({ path: url.pathname, user, authorized });
    if (!authorized) {
      res.writeHead(401, { "www-authenticate": 'Basic realm="private"', "content-type": "text/plain" });
      res.end("authentication required\n");
      return;
    }
    const delay = url.pathname.endsWith("/git-upload-pack") ? (options.fetchDelayMs ?? 0) : 0;
    setTimeout(() => serveGit(req, res, url, user), delay);
  });
  const serveGit = (req: http.IncomingMessage, res: http.ServerResponse, url: URL, user: string | null) => {
    const cgi = spawn(HTTP_BACKEND, [], {
      env: {
        GIT_PROJECT_ROOT: root,
        GIT_HTTP_EXPORT_ALL: "1",
        PATH_INFO: url.pathname,
        QUERY_STRING: url.search.slice(1),
        REQUEST_METHOD: req.method ?? "GET",
        CONTENT_TYPE: req.headers["content-type"] ?? "",
        ...(req.headers["content-length"] ? { CONTENT_LENGTH: req.headers["content-length"] } : {}),
        ...(req.headers["content-encoding"] ? { HTTP_CONTENT_ENCODING: req.headers["content-encoding"] } : {}),
        ...(req.headers["git-protocol"] ? { GIT_PROTOCOL: String(req.headers["git-protocol"]) } : {}),
        REMOTE_USER: user ?? "",
        REMOTE_ADDR: "127.0.0.1",
        PATH: process.env.PATH,
      },
      stdio: ["pipe", "pipe", "inherit"],
    });
    req.pipe(cgi.stdin);
    let head = Buffer.alloc(0);
    let headersSent = false;
    cgi.stdout.on("data", (chunk: Buffer) => {
      if (headersSent) return void res.write(chunk);
      head = Buffer.concat([head, chunk]);
      const end = head.indexOf("\r\n\r\n");
      if (end < 0) return;
      const headers: Record<string, string> = {};
      let status = 200;
      for (const line of head.subarray(0, end).toString().split("\r\n")) {
        const [name = "", value = ""] = line.split(/:\s*(.*)/s);
        if (name.toLowerCase() === "status") status = Number.parseInt(value, 10);
        else headers[name] = value;
      }
      res.writeHead(status, headers);
      headersSent = true;
      res.write(head.subarray(end + 4));
    });
    cgi.stdout.on("end", () => res.end());
  };
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `https://localhost:${port}`,
    host: `localhost:${port}`,
    caPem: certificate.certPem,
    requests,
    publish(sourceDir, name) {
      execFileSync("git", ["clone", "--quiet", "--bare", sourceDir, path.join(root, `${name}.git`)]);
      return `https://localhost:${port}/${name}.git`;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(root, { recursive: true, force: true });
    },
  };
}
