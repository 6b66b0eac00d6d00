import { execFileSync, spawn, spawnSync } from "node:child_process";
import {
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmdirSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { get } from "node:https";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { eventually } from "../../../../tests/support/eventually.ts";

const SCRIPT = path.resolve(import.meta.dirname, "../../../../scripts/setup/registry.sh");

/** A port nothing listens on now (the kernel's pick, released at once). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A docker-registry of the test's own, on 127.0.0.1 (which the engine treats as an insecure registry). */
export interface TestRegistry {
  /** "127.0.0.1:<port>" */
  address: string;
  dataDir: string;
  stop(): void;
}

/** Starts one with Pier's set-up script (scripts/setup/registry.sh), with basic auth when given an htpasswd file. */
export async function startRegistry(options: { htpasswd?: string } = {}): Promise<TestRegistry> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "pier-registry-test-"));
  const address = `127.0.0.1:${await freePort()}`;
  const args = [SCRIPT, address, dataDir, ...(options.htpasswd ? [options.htpasswd] : [])];
  execFileSync("bash", args, { stdio: ["ignore", "inherit", "inherit"] });
  return {
    address,
    dataDir,
    stop() {
      spawnSync("bash", [SCRIPT, "--stop", dataDir], { stdio: "inherit" });
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * An htpasswd line (bcrypt, the only hash docker-registry takes) made by apache2-utils' htpasswd, or else by
 * Python's crypt module (libxcrypt's bcrypt); null when neither is on this machine.
 */
export function bcryptHtpasswdLine(user: string, password: string): string | null {
  const htpasswd = spawnSync("htpasswd", ["-Bbn", user, password], { encoding: "utf8" });
  if (htpasswd.status === 0) return htpasswd.stdout.trim();
  const script =
    "import crypt, sys, warnings\nwarnings.simplefilter('ignore')\n" +
    "print(crypt.crypt(sys.argv[1], crypt.mksalt(crypt.METHOD_BLOWFISH)))";
  const python = spawnSync("python3", ["-c", script, password], { encoding: "utf8" });
  const hash = python.stdout?.trim() ?? "";
  return python.status === 0 && hash.startsWith("$2") ? `${user}:${hash}` : null;
}

/**
 * A docker-registry run straight from a configuration of the test's own (what the set-up script doesn't write,
 * such as token authentication or TLS): `auth` is the YAML of its `auth:` section (null: none); with `tls` it
 * speaks HTTPS only, with that certificate.
 */
export async function serveRegistry(
  dataDir: string,
  auth: string | null,
  tls?: RegistryTls,
  /** Where it listens: a free port of 127.0.0.1 unless given (a cluster's registry on its lan). */
  listen?: string,
): Promise<TestRegistry> {
  const address = listen ?? `127.0.0.1:${await freePort()}`;
  const config = path.join(dataDir, "config.yml");
  writeFileSync(
    config,
    [
      "version: 0.1",
      "storage:",
      `  filesystem: { rootdirectory: ${path.join(dataDir, "storage")} }`,
      "  delete: { enabled: true }",
      `http: { addr: "${address}"${tls ? `, tls: { certificate: ${tls.certificate}, key: ${tls.key} }` : ""} }`,
      ...(auth === null ? [] : ["auth:", auth.replace(/^/gm, "  ")]),
      "",
    ].join("\n"),
  );
  const log = openSync(path.join(dataDir, "registry.log"), "a");
  const child = spawn("docker-registry", ["serve", config], { stdio: ["ignore", log, log], detached: true });
  closeSync(log);
  child.unref();
  const stop = () => {
    if (child.exitCode === null) child.kill();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await eventually(
      async () => {
        const status = tls
          ? await httpsStatus(`https://${address}/v2/`, tls.ca)
          : (await fetch(`http://${address}/v2/`)).status;
        return child.exitCode === null && (status === 200 || status === 401);
      },
      `docker-registry answering at ${address}`,
      30_000,
    );
  } catch (error) {
    const log = readFileSync(path.join(dataDir, "registry.log"), "utf8");
    stop();
    throw new Error(`${(error as Error).message}; its log:\n${log}`);
  }
  return { address, dataDir, stop };
}

/** The certificate and key a registry serves TLS with, and the CA that signed them. */
export interface RegistryTls {
  certificate: string;
  key: string;
  /** The CA's certificate (PEM): what engines (certs.d) and Node (NODE_EXTRA_CA_CERTS) must trust. */
  ca: string;
}

/**
 * A throwaway CA and a server certificate it signed for `ip` (an IP SAN: a client matches an IP address only
 * against those), made with openssl in `dir`, valid for a day.
 */
export function makeCertificates(dir: string, ip = "127.0.0.1"): RegistryTls {
  const openssl = (...args: string[]) =>
    execFileSync("openssl", args, { cwd: dir, stdio: ["ignore", "ignore", "pipe"] });
  const key = ["-newkey", "rsa:2048", "-nodes"];
  openssl("req", "-x509", ...key, "-keyout", "ca.key", "-out", "ca.crt", "-days", "1", "-subj", "/CN=Pier test CA");
  openssl("req", ...key, "-keyout", "server.key", "-out", "server.csr", "-subj", `/CN=${ip}`);
  const extensions = `subjectAltName=IP:${ip}\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n`;
  writeFileSync(path.join(dir, "server.ext"), extensions);
  const signed = ["-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial", "-extfile", "server.ext", "-days", "1"];
  openssl("x509", "-req", "-in", "server.csr", ...signed, "-out", "server.crt");
  return { certificate: path.join(dir, "server.crt"), key: path.join(dir, "server.key"), ca: path.join(dir, "ca.crt") };
}

/** GET /v2/ over https trusting `ca` only: its status, or the TLS/socket error's code. */
function httpsStatus(url: string, ca: string): Promise<number | string> {
  return new Promise((resolve) => {
    const request = get(url, { ca: readFileSync(ca), timeout: 2000 }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on("timeout", () => request.destroy(new Error("timeout")));
    request.on("error", (error) => resolve((error as { code?: string }).code ?? error.message));
  });
}

const ENGINE_CERTS = "/etc/docker/certs.d";

/**
 * Makes the host's engine trust `ca` for the registry at `address` ("127.0.0.1:5443"):
 * /etc/docker/certs.d/<address>/ca.crt, which it reads at each push and pull. Returns what undoes it: that
 * directory removed, and certs.d too when this made it and it is empty (no other file of /etc/docker is touched).
 */
export function trustInEngine(address: string, ca: string): () => void {
  const madeCertsDir = !existsSync(ENGINE_CERTS);
  const dir = path.join(ENGINE_CERTS, address);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "ca.crt"), readFileSync(ca));
  return () => {
    rmSync(dir, { recursive: true, force: true });
    if (madeCertsDir) {
      try {
        rmdirSync(ENGINE_CERTS);
      } catch (error) {
        // Someone else put a registry's CA there meanwhile: theirs stays.
        if ((error as { code?: string }).code !== "ENOTEMPTY") throw error;
      }
    }
  };
}

/**
 * A small image of its own for a registry test: a label on `base` (its own manifest, the base's layers), tagged
 * `tag` and added to `made` (what the test removes at the end).
 */
export function buildLabelledImage(base: string, tag: string, made: Set<string>): string {
  execFileSync("docker", ["build", "-q", "-t", tag, "-"], {
    input: `FROM ${base}\nLABEL pier.regtest="${tag}"\n`,
    stdio: ["pipe", "ignore", "pipe"], // the legacy builder's deprecation notice; a failure still says why
  });
  made.add(tag);
  return tag;
}
