import { execFile } from "node:child_process";
import { X509Certificate } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import https from "node:https";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

export interface TestCertificate {
  /** Chain then key, in one PEM (HAProxy's format, and PIER_TLS_CERT_DIR's `<name>.pem`). */
  pem: string;
  certPem: string;
  keyPem: string;
  /** Lowercase hex, as node's X509Certificate and HAProxy's certificate facts give it. */
  serial: string;
}

/** A self-signed certificate for these DNS names (the first is its subject), made with openssl. */
export async function selfSignedCertificate(names: string[], days = 30): Promise<TestCertificate> {
  const dir = await mkdtemp(path.join(tmpdir(), "pier-test-cert-"));
  try {
    const key = path.join(dir, "key.pem");
    const cert = path.join(dir, "cert.pem");
    const san = names.map((name) => `DNS:${name}`).join(",");
    await run("openssl", [
      ...["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", key],
      ...["-out", cert, "-days", String(days), "-subj", `/CN=${names[0]}`, "-addext", `subjectAltName=${san}`],
    ]);
    const certPem = await readFile(cert, "utf8");
    const keyPem = await readFile(key, "utf8");
    const serial = new X509Certificate(certPem).serialNumber.toLowerCase();
    return { pem: `${certPem}${keyPem}`, certPem, keyPem, serial };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export interface HttpsAnswer {
  status: number;
  body: string;
  headers: Record<string, string | string[] | undefined>;
  /** The certificate the server presented (lowercase hex serial, subject CN). */
  serial: string;
  subject: string;
}

/**
 * One HTTPS request on a new connection to 127.0.0.1:`port`, with `host` as SNI and Host header (as a browser
 * reaching that name would send them). The certificate is read, not verified: tests check which one is served.
 */
export function httpsGet(port: number, host: string, requestPath = "/"): Promise<HttpsAnswer> {
  return new Promise((resolve, reject) => {
    const req = https.request(
      {
        host: "127.0.0.1",
        port,
        path: requestPath,
        servername: host,
        headers: { host },
        rejectUnauthorized: false,
        agent: false,
        timeout: 10_000,
      },
      (res) => {
        const peer = (res.socket as import("node:tls").TLSSocket).getPeerCertificate();
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (body += chunk));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            body,
            headers: res.headers,
            serial: String(peer.serialNumber ?? "").toLowerCase(),
            subject: String(peer.subject?.CN ?? ""),
          }),
        );
      },
    );
    req.on("timeout", () => req.destroy(new Error(`HTTPS request to ${host} timed out`)));
    req.on("error", reject);
    req.end();
  });
}
