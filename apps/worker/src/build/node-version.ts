import semver from "semver";
import type { RepoFiles } from "./repo-files.ts";

export interface NodeVersionRequest {
  /** The Node major the repo asks for; null when it asks for nothing Pier can map. */
  major: number | null;
  /** Where the request came from and what it said, for the deploy log. */
  source: string | null;
}

/** LTS codenames (`process.release.lts`, `lts/<name>` in .nvmrc) → major. */
const LTS_CODENAMES: Record<string, number> = { hydrogen: 18, iron: 20, jod: 22, krypton: 24 };

/** The newest LTS major Pier knows of (Pier's default Node). */
export const NEWEST_LTS = Math.max(...Object.values(LTS_CODENAMES));

/** `PIER_NODE_IMAGES` ("18=node:18-bookworm-slim,22=…") → major → image. */
export function parseNodeImageMap(text: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const entry of text.split(",").map((e) => e.trim()).filter(Boolean)) {
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

/** What Node the repo asks for: `.node-version`, then `.nvmrc` (the most specific), then `engines.node`. */
export async function requestedNodeVersion(files: RepoFiles, engines: unknown, available: number[], defaultMajor: number): Promise<NodeVersionRequest> {
  for (const file of [".node-version", ".nvmrc"]) {
    const text = await files.readText(file, 1024);
    if (text === null) continue;
    return { major: majorOfVersionFile(text), source: `${file} says ${JSON.stringify(text.trim().slice(0, 40))}` };
  }
  const range = (engines as { node?: unknown } | undefined)?.node;
  if (typeof range === "string") return { major: majorOfRange(range, available, defaultMajor), source: `engines.node is ${JSON.stringify(range)}` };
  return { major: null, source: null };
}
