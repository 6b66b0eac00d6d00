import { execFile, spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import http from "node:http";
import https from "node:https";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { eventually } from "./eventually.ts";
import { freePorts } from "./free-port.ts";

const run = promisify(execFile);

/** A private ACME CA (Debian's pebble) on 127.0.0.1, with a DNS of its own that answers 127.0.0.1 for every name. */
export interface Pebble {
  /** The ACME directory (PIER_ACME_DIRECTORY_URL). */
  directoryUrl: string;
  /** The certificate pebble's own HTTPS listener presents (PIER_ACME_CA_FILE). */
  caFile: string;
  /** The root the certificates pebble issues chain to (new at every start of pebble). */
  issuerRootPem(): Promise<string>;
  /** From now on, `name` no longer resolves at the CA (SERVFAIL): its HTTP-01 validation fails. */
  failValidationOf(name: string): Promise<void>;
  stop(): Promise<void>;
}

export interface PebbleOptions {
  /** The port pebble's HTTP-01 validation connects to on 127.0.0.1: the router's HTTP port in e2e tests. */
  httpPort: number;
}

/**
 * Starts pebble and pebble-challtestsrv (DNS only) on free ports of 127.0.0.1: nothing leaves the machine. Pebble
 * validates at once (PEBBLE_VA_NOSLEEP) and accepts every good nonce (PEBBLE_WFE_NONCEREJECT=0), so an issuance
 * takes about a second. Its listener certificate is made here with openssl, valid for 127.0.0.1.
 */
export async function startPebble(options: PebbleOptions): Promise<Pebble> {
  const dir = await mkdtemp(path.join(tmpdir(), "pier-pebble-"));
  const children: ChildProcess[] = [];
  const stop = async () => {
    await Promise.all(children.map(stopChild));
    await rm(dir, { recursive: true, force: true });
  };
  try {
    const [acmePort, managementPort, tlsPort, dnsPort, dnsManagementPort] = await freePorts(5);
    const caFile = path.join(dir, "listener.pem");
    const keyFile = path.join(dir, "listener.key");
    await makeListenerCertificate(caFile, keyFile);
    const ca = await readFile(caFile, "utf8");

    const dnsManagement = `http://127.0.0.1:${dnsManagementPort}`;
    const dns = start(children, "pebble-challtestsrv", [
      ...["-dns01", `127.0.0.1:${dnsPort}`, "-http01", "", "-https01", "", "-tlsalpn01", ""],
      ...["-defaultIPv4", "127.0.0.1", "-defaultIPv6", "", "-management", `127.0.0.1:${dnsManagementPort}`],
    ]);
    await eventually(
      async () => (await plainGet(`${dnsManagement}/`)) >= 200,
      "pebble-challtestsrv answering",
      15_000,
    ).catch(failedStart(dns));

    const config = {
      pebble: {
        listenAddress: `127.0.0.1:${acmePort}`,
        managementListenAddress: `127.0.0.1:${managementPort}`,
        certificate: caFile,
        privateKey: keyFile,
        httpPort: options.httpPort,
        tlsPort,
        ocspResponderURL: "",
        externalAccountBindingRequired: false,
      },
    };
    const configFile = path.join(dir, "pebble-config.json");
    await writeFile(configFile, JSON.stringify(config));
    const pebble = start(children, "pebble", ["-config", configFile, "-dnsserver", `127.0.0.1:${dnsPort}`], {
      PEBBLE_VA_NOSLEEP: "1",
      PEBBLE_WFE_NONCEREJECT: "0",
    });
    const directoryUrl = `https://127.0.0.1:${acmePort}/dir`;
    await eventually(
      async () => (await secureGet(directoryUrl, ca)).includes("newOrder"),
      "pebble answering",
      15_000,
    ).catch(failedStart(pebble));

    return {
      directoryUrl,
      caFile,
      issuerRootPem: () => secureGet(`https://127.0.0.1:${managementPort}/roots/0`, ca),
      async failValidationOf(name) {
        const status = await plainPost(`${dnsManagement}/set-servfail`, { host: name });
        if (status !== 200) throw new Error(`pebble-challtestsrv refused set-servfail for ${name}: HTTP ${status}`);
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** A self-signed certificate for 127.0.0.1 (pebble's HTTPS listener); the client trusts exactly this one. */
async function makeListenerCertificate(certFile: string, keyFile: string): Promise<void> {
  await run("openssl", [
    ...["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"],
    ...["-keyout", keyFile, "-out", certFile, "-days", "2", "-subj", "/CN=pebble listener"],
    ...["-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost"],
  ]);
}

interface Started {
  child: ChildProcess;
  /** Its output so far, for an error saying why it did not come up. */
  output: () => string;
}

function start(children: ChildProcess[], command: string, args: string[], env: Record<string, string> = {}) {
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString("utf8")).slice(-4_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  child.on("error", (error) => keep(Buffer.from(`${command}: ${error.message}\n`)));
  return { child, output: () => output } satisfies Started;
}

const failedStart = (started: Started) => (error: Error) => {
  const exited = started.child.exitCode !== null ? ` (exited with ${started.child.exitCode})` : "";
  throw new Error(`${error.message}${exited}; its output:\n${started.output()}`);
};

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}

/** The status of a GET (any answer means it listens); a refused connection rejects. */
function plainGet(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get(url, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      })
      .on("error", reject);
  });
}

function plainPost(url: string, body: object): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: "POST" }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on("error", reject);
    req.end(JSON.stringify(body));
  });
}

/** The body of a GET over HTTPS trusting only `ca`; anything but a 200 rejects. */
function secureGet(url: string, ca: string): Promise<string> {
  return new Promise((resolve, reject) => {
    https
      .get(url, { ca }, (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (body += chunk));
        res.on("end", () =>
          res.statusCode === 200 ? resolve(body) : reject(new Error(`GET ${url}: HTTP ${res.statusCode}: ${body}`)),
        );
      })
      .on("error", reject);
  });
}
