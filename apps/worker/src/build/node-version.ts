import semver from "semver";
import { nodeNeededBy, parsePackageManagerField } from "./package-manager.ts";
import type { RepoFiles } from "./repo-files.ts";

export interface NodeVersionRequest {
  /** The Node major to build on; null: Pier's default. */
  major: number | null;
  /** Why that major: what the repo said, what its package manager needs; for the deploy log. */
  source: string | null;
}

/** LTS codenames (`process.release.lts`, `lts/<name>` in .nvmrc) → major. */
const LTS_CODENAMES: Record<string, number> = { hydrogen: 18, iron: 20, jod: 22, krypton: 24 };

/** The newest LTS major Pier knows of (Pier's default Node). */
export const NEWEST_LTS = Math.max(...Object.values(LTS_CODENAMES));

/** `PIER_NODE_IMAGES` ("18=node:18-bookworm-slim,22=…") → major → image. */
export function parseNodeImageMap(text: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const entry of text
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean)) {
    const [major, image] = entry.split("=").map((s) => s.trim());
    if (major && image && /^\d+$/.test(major)) map.set(Number(major), image);
  }
  return map;
}

/** The major a version file names: "v18.17.0", "20", "lts/iron". Aliases Pier can't resolve give null. */
function majorOfVersionFile(text: string): number | null {
  const value = text.split("\n")[0]?.trim().replace(/^v/, "") ?? "";
  const lts = /^lts\/(\w+)$/i.exec(value)?.[1]?.toLowerCase();
  if (lts) return LTS_CODENAMES[lts] ?? null;
  const major = /^(\d+)(\.|$)/.exec(value)?.[1];
  return major ? Number(major) : null;
}

/** The major an `engines.node` range allows: the default if it fits, else the newest available one that does. */
function majorOfRange(range: string, available: number[], defaultMajor: number): number | null {
  if (!semver.validRange(range)) return null;
  const fits = (major: number) => semver.intersects(range, `${major}.x`);
  if (fits(defaultMajor)) return defaultMajor;
  const candidates = available.filter(fits).sort((a, b) => b - a);
  if (candidates[0] !== undefined) return candidates[0];
  return semver.minVersion(range)?.major ?? null;
}

/**
 * What Node to build on: what the repo asks for (`.node-version`, then `.nvmrc`, the most specific, then
 * `engines.node`), raised when the package manager pinned in package.json's `packageManager` needs more.
 */
export async function requestedNodeVersion(
  files: RepoFiles,
  engines: unknown,
  available: number[],
  defaultMajor: number,
  packageManager?: unknown,
): Promise<NodeVersionRequest> {
  const asked = await askedNodeVersion(files, engines, available, defaultMajor);
  const pinned = parsePackageManagerField(packageManager);
  if (!pinned) return asked;
  const needs = { label: `${pinned.name} ${pinned.version}`, range: nodeNeededBy(pinned.name, pinned.version) };
  return nodeForPackageManager(asked, needs, available, defaultMajor);
}

async function askedNodeVersion(files: RepoFiles, engines: unknown, available: number[], defaultMajor: number) {
  for (const file of [".node-version", ".nvmrc"]) {
    const text = await files.readText(file, 1024);
    if (text === null) continue;
    return { major: majorOfVersionFile(text), source: `${file} says ${JSON.stringify(text.trim().slice(0, 40))}` };
  }
  const range = (engines as { node?: unknown } | undefined)?.node;
  if (typeof range !== "string") return { major: null, source: null };
  return { major: majorOfRange(range, available, defaultMajor), source: `engines.node is ${JSON.stringify(range)}` };
}

/** The package manager a repo pins, and the Node range it needs (null: any). */
export interface PackageManagerNeeds {
  label: string;
  range: string | null;
}

/** Whether the releases of a Node major (images carry its newest) include one in the range. */
const majorSatisfies = (major: number, range: string) => semver.intersects(range, `${major}.x`);

/**
 * The request, or, when its major (or the default, when it asks for none) is too old for the package
 * manager, the lowest major Pier has an image for that is at least the requested one and that the
 * package manager runs on: pnpm 11 on a repo whose .nvmrc says 20 builds on Node 22.
 */
export function nodeForPackageManager(
  request: NodeVersionRequest,
  needs: PackageManagerNeeds,
  available: number[],
  defaultMajor: number,
): NodeVersionRequest {
  const { label, range } = needs;
  const major = request.major ?? defaultMajor;
  if (range === null || majorSatisfies(major, range)) return request;
  const asked = request.source ?? `Pier's default is Node ${defaultMajor}`;
  const raised = available.filter((m) => m >= major && majorSatisfies(m, range)).sort((x, y) => x - y)[0];
  if (raised === undefined) return { ...request, source: `${asked}; ${label} needs Node ${range}, which no image has` };
  return { major: raised, source: `${label} needs Node ${range}; ${asked}` };
}
