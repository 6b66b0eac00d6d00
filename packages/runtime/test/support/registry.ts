import { execFileSync, spawn, spawnSync } from "node:child_process";
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
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
 * A docker-registry run straight from a configuration of the test's own (auth the set-up script doesn't
 * write, such as token authentication): `auth` is the YAML of its `auth:` section.
 */
export async function serveRegistry(dataDir: string, auth: string): Promise<TestRegistry> {
  const address = `127.0.0.1:${await freePort()}`;
  const config = path.join(dataDir, "config.yml");
  writeFileSync(
    config,
    [
      "version: 0.1",
      "storage:",
      `  filesystem: { rootdirectory: ${path.join(dataDir, "storage")} }`,
      "  delete: { enabled: true }",
      `http: { addr: "${address}" }`,
      "auth:",
      auth.replace(/^/gm, "  "),
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
      async () => child.exitCode === null && [200, 401].includes((await fetch(`http://${address}/v2/`)).status),
      `docker-registry answering at ${address}`,
      10_000,
    );
  } catch (error) {
    const log = readFileSync(path.join(dataDir, "registry.log"), "utf8");
    stop();
    throw new Error(`${(error as Error).message}; its log:\n${log}`);
  }
  return { address, dataDir, stop };
}
