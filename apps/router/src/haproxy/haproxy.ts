import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { RouterLogger } from "../logger.ts";
import { errorPage } from "../pages.ts";
import type { ServedCertificate } from "@pier/certificates";
import type { HttpsFlags, RouteEntries } from "../route-entries.ts";
import { adminCommand } from "./admin-socket.ts";
import { parseBusySlots } from "../metrics/backend-stats.ts";
import { BackendSlots, slotName, type SlotPlan } from "./backend-slots.ts";
import { certificateFile, CertificateStore } from "./certificates.ts";
import { writeDefaultCertificate } from "./default-certificate.ts";
import { mapEntries, withHttpsFlags } from "./route-map.ts";
import { frontendNames, haproxyPaths, renderHaproxyConfig, type HaproxyListen, type HaproxyPaths } from "./config.ts";
import { forgetHaproxy, recordHaproxy, RUN_DIR_PREFIX } from "./leftover.ts";
import { drainAndStop, HaproxyError, stopHaproxy } from "./process.ts";
import { startTakingOver } from "./takeover.ts";

export { HaproxyError } from "./process.ts";

/** `add map` commands per admin-socket line: well under HAProxy's 16 kB request buffer. */
const ADDS_PER_LINE = 80;
const COMMANDS_PER_LINE = 60;

export interface Haproxy {
  /**
   * Puts a route table in service: fills backend slots for new replica sets, then swaps the host map at
   * once. Resolves when the next request uses the new table.
   */
  applyRoutes(entries: RouteEntries, https?: ReadonlyMap<string, HttpsFlags>): Promise<void>;
  /**
   * Serves exactly these certificates on the TLS port (besides the default one): new ones are added, renewed
   * ones replaced, gone ones removed, each through the runtime API (a transaction per certificate, no reload).
   */
  applyCertificates(certificates: ServedCertificate[]): Promise<void>;
  /** Sends runtime API commands (`;`-joined in batches); any answer but an empty one is an error. */
  runCommands(commands: string[]): Promise<void>;
  /** The runtime API's answer to one command (e.g. `show stat`). */
  query(command: string): Promise<string>;
  /** The runtime API's socket, for a reader that keeps a connection (the latency log's stream). */
  readonly adminSocket: string;
  /** Which backend slot serves which ports (metrics attribute a slot's counters with it). */
  readonly slots: BackendSlots;
  /** Puts released slots back in use, their servers out of service until refilled (after their counters were read). */
  recycleSlots(): Promise<void>;
  stop(): Promise<void>;
}

const mapFile = (pairs: ReadonlyArray<[string, string]>) => pairs.map(([key, value]) => `${key} ${value}\n`).join("");

/** What HAProxy starts with: the route table and certificates as they are now. */
export interface InitialRoutes {
  entries: RouteEntries;
  https: ReadonlyMap<string, HttpsFlags>;
  certificates: ServedCertificate[];
}

async function writeRuntimeFiles(
  listen: HaproxyListen,
  paths: HaproxyPaths,
  endpointsBySlot: ReadonlyMap<number, string[]>,
  routes: ReadonlyArray<[string, string]>,
  certificates: ServedCertificate[],
): Promise<void> {
  await writeFile(paths.config, renderHaproxyConfig(listen, paths, endpointsBySlot));
  await writeFile(paths.routeMap, mapFile(routes));
  if (listen.tlsPort !== undefined) {
    await writeDefaultCertificate(paths.defaultCert);
    await mkdir(paths.certDir, { recursive: true });
    for (const certificate of certificates)
      await writeFile(certificateFile(paths, certificate), certificate.pem, { mode: 0o600 });
    await writeFile(paths.certList, certificates.map((c) => `${certificateFile(paths, c)}\n`).join(""));
  }
  await writeFile(paths.notFoundPage, errorPage(404, "No app here", "Nothing is deployed at this address."));
  await writeFile(paths.downPage, errorPage(503, "App not running", "This app has no running deployment right now."));
  const badGateway = errorPage(
    502,
    "App not answering",
    "The app did not answer. If it was just deployed or restarted, try again in a moment.",
  );
  const head = [
    "HTTP/1.1 502 Bad Gateway",
    "content-type: text/html; charset=utf-8",
    "cache-control: no-store",
    "connection: close",
    `content-length: ${Buffer.byteLength(badGateway)}`,
  ];
  await writeFile(paths.badGatewayResponse, `${head.join("\r\n")}\r\n\r\n${badGateway}`);
}

function warnUnrouted(plan: SlotPlan, slotCount: number, logger: RouterLogger): void {
  if (plan.unrouted.length === 0) return;
  logger.error(
    { unrouted: plan.unrouted.slice(0, 50), slots: slotCount },
    `all ${slotCount} router backend slots are in use: ${plan.unrouted.length} host(s) answer 503; ` +
      "raise PIER_ROUTER_SLOTS",
  );
}

/**
 * Runs HAProxy as a child process with Pier's configuration, already serving `initial` (the route table
 * as it is now): its servers and host map are in the config it starts with, so no request meets an
 * empty router, and a HAProxy a killed router left on the port is taken over (takeover.ts).
 */
export async function startHaproxy(
  binary: string,
  listen: HaproxyListen,
  logger: RouterLogger,
  initial: InitialRoutes = { entries: new Map(), https: new Map(), certificates: [] },
): Promise<Haproxy> {
  const runDir = await mkdtemp(path.join(tmpdir(), RUN_DIR_PREFIX));
  const paths = haproxyPaths(runDir);
  // The same slots then serve the control plane: its first apply of this table finds every set in place.
  const slots = new BackendSlots(listen.slots, listen.serversPerSlot);
  const initialPlan = slots.plan(initial.entries);
  warnUnrouted(initialPlan, listen.slots, logger);
  const initialRoutes = mapEntries(withHttpsFlags(initialPlan.routes, initial.https));
  const initialCertificates = listen.tlsPort === undefined ? [] : initial.certificates;
  await writeRuntimeFiles(listen, paths, slots.endpointsBySlot(), initialRoutes, initialCertificates);

  const started = await startTakingOver(binary, listen.port, paths, logger).catch(async (error) => {
    await rm(runDir, { recursive: true, force: true });
    throw error;
  });
  const { child, exited } = started;
  const retired = started.retired.catch((error) =>
    logger.error({ err: error }, "retiring the HAProxy taken over failed"),
  );
  await recordHaproxy(listen.port, child.pid!, runDir);
  let stopping = false;
  child.once("exit", (code, signal) => {
    if (!stopping) logger.error({ code, signal, output: started.output().trim() }, "haproxy exited unexpectedly");
  });

  const runCommands = async (commands: string[]) => {
    for (let i = 0; i < commands.length; i += COMMANDS_PER_LINE) {
      const answer = await adminCommand(paths.adminSocket, commands.slice(i, i + COMMANDS_PER_LINE).join(";"));
      // `set server … state/health` answer nothing; `addr` answers a line saying what changed.
      const problems = answer
        .split("\n")
        .filter((line) => line.trim() && !/^IP changed from|^no need to change|^port changed from/.test(line.trim()));
      if (problems.length) throw new HaproxyError(`runtime API: ${problems.join("; ")}`);
    }
  };
  const recycleSlots = async () => {
    const cooling = slots.coolingSlots();
    if (cooling.length === 0) return;
    const stats = await adminCommand(paths.adminSocket, cooling.map((s) => `show stat ${slotName(s)} 2 -1`).join("; "));
    const recycled = slots.recycle(parseBusySlots(stats));
    await runCommands(recycled.commands);
    recycled.done();
  };
  // Each map as HAProxy holds it, last committed: a resync that finds the same table sends nothing.
  const committedMaps = new Map<string, string>([[paths.routeMap, JSON.stringify(initialRoutes)]]);
  const replaceMap = async (map: string, pairs: ReadonlyArray<[string, string]>) => {
    const wanted = JSON.stringify(pairs);
    if (wanted === committedMaps.get(map)) return;
    committedMaps.delete(map); // unknown until this replace commits
    const prepared = await adminCommand(paths.adminSocket, `prepare map ${map}`);
    const version = Number(/New version created: (\d+)/.exec(prepared)?.[1] ?? NaN);
    if (!Number.isInteger(version)) throw new HaproxyError(`prepare map failed: ${prepared.trim()}`);
    for (let i = 0; i < pairs.length; i += ADDS_PER_LINE) {
      const line = pairs
        .slice(i, i + ADDS_PER_LINE)
        .map(([key, value]) => `add map @${version} ${map} ${key} ${value}`)
        .join(";");
      const answer = await adminCommand(paths.adminSocket, line);
      if (answer.trim()) throw new HaproxyError(`add map failed: ${answer.trim()}`);
    }
    const committed = await adminCommand(paths.adminSocket, `commit map @${version} ${map}`);
    if (committed.trim()) throw new HaproxyError(`commit map failed: ${committed.trim()}`);
    committedMaps.set(map, wanted);
  };
  const certificates = new CertificateStore(paths, (line) => adminCommand(paths.adminSocket, line));
  certificates.loaded(initialCertificates);

  return {
    async applyRoutes(entries, https = new Map()) {
      const plan = slots.plan(entries);
      warnUnrouted(plan, listen.slots, logger);
      await runCommands(plan.fill);
      // Routes and HTTPS flags in one swap: a host that gains a certificate is redirected from the moment it is routed.
      const flags = listen.tlsPort === undefined ? new Map() : https;
      await replaceMap(paths.routeMap, mapEntries(withHttpsFlags(plan.routes, flags)));
      // With a metrics collector, released slots wait until their counters were read.
      if (!listen.holdReleasedSlots) await recycleSlots();
    },
    async applyCertificates(wanted) {
      if (listen.tlsPort === undefined) return;
      await certificates.apply(wanted);
    },
    recycleSlots,
    runCommands,
    slots,
    query: (command) => adminCommand(paths.adminSocket, command),
    adminSocket: paths.adminSocket,
    async stop() {
      stopping = true;
      await drainAndStop({ child, exited }, paths.adminSocket, frontendNames(listen)).catch(async (error) => {
        logger.error({ err: error }, "draining HAProxy failed; soft-stopping it instead");
        await stopHaproxy({ child, exited });
      });
      await retired;
      await forgetHaproxy(listen.port);
      await rm(runDir, { recursive: true, force: true });
    },
  };
}
