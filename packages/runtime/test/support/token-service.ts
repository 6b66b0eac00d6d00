import { execFileSync } from "node:child_process";
import { randomUUID, sign } from "node:crypto";
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import path from "node:path";

/**
 * A token service as Docker's token authentication has it (what Docker Hub, Harbor or GitLab run in front of
 * their registries): a client that brings the right Basic credentials gets a JWT granting the scope it asked
 * for, signed with a key whose certificate the registry trusts (its `auth.token.rootcertbundle`).
 */
export interface TokenService {
  realm: string;
  service: string;
  issuer: string;
  /** The certificate the registry verifies tokens with. */
  certFile: string;
  /** How many tokens it gave, by scope asked for. */
  issued: string[];
  close(): Promise<void>;
}

export async function startTokenService(
  dir: string,
  credentials: { username: string; password: string },
): Promise<TokenService> {
  const keyFile = path.join(dir, "token.key");
  const certFile = path.join(dir, "token.crt");
  execFileSync(
    "openssl",
    ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", keyFile, "-out", certFile].concat([
      "-days",
      "1",
      "-subj",
      "/CN=pier-test-token-service",
    ]),
    { stdio: "ignore" },
  );
  const key = readFileSync(keyFile, "utf8");
  const certDer = readFileSync(certFile, "utf8").replace(/-----[^-]+-----|\s/g, "");
  const service = "pier-test-registry";
  const issuer = "pier-test-token-service";
  const expected = `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString("base64")}`;
  const issued: string[] = [];

  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://token.invalid");
    if (url.pathname !== "/token" || request.headers.authorization !== expected) {
      response.writeHead(401, { "content-type": "application/json" }).end('{"details":"wrong credentials"}');
      return;
    }
    const scopes = url.searchParams.getAll("scope");
    issued.push(...(scopes.length ? scopes : [""]));
    // "repository:pier/web:pull,push": the actions granted are the ones asked for (this user may do anything).
    const access = scopes.flatMap((scope) => {
      const [type, ...rest] = scope.split(":");
      const actions = rest.pop()?.split(",") ?? [];
      return type ? [{ type, name: rest.join(":"), actions }] : [];
    });
    const now = Math.floor(Date.now() / 1000);
    const claims = { iss: issuer, sub: credentials.username, aud: service, exp: now + 300, nbf: now - 10, iat: now };
    const token = jwt({ alg: "RS256", typ: "JWT", x5c: [certDer] }, { ...claims, jti: randomUUID(), access }, key);
    response.writeHead(200, { "content-type": "application/json" });
    response.end(JSON.stringify({ token, expires_in: 300, issued_at: new Date().toISOString() }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    realm: `http://127.0.0.1:${port}/token`,
    service,
    issuer,
    certFile,
    issued,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function jwt(header: object, claims: object, privateKey: string): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const signed = `${part(header)}.${part(claims)}`;
  return `${signed}.${sign("sha256", Buffer.from(signed), privateKey).toString("base64url")}`;
}
