import semver from "semver";
import { DeployFailedError } from "../errors.ts";
import type { RepoFiles } from "./repo-files.ts";

export type PackageManagerName = "npm" | "yarn" | "pnpm" | "bun";

/**
 * Versions Pier installs when a repo doesn't pin one. Corepack is never used: without a pin it asks
 * for "latest" and checks registry signatures, which fails on mirrors and offline-ish machines; npm's
 * own registry is all a build needs.
 */
export const PINNED_VERSIONS = {
  yarnClassic: "1.22.22",
  yarnBerry: "4.9.4",
  pnpm: { "9": "9.15.9", "6": "8.15.9", "5": "7.33.7" } as Record<string, string>,
  bun: "1.4.5",
};

/**
 * The Node each package manager release line needs (the `engines.node` of its own package.json), so a
 * build never runs one on a Node it refuses. First match wins; lines not listed run on every Node Pier has.
 */
const NODE_NEEDED: Array<{ name: PackageManagerName; from: string; node: string }> = [
  { name: "pnpm", from: "11.0.0-0", node: ">=22.13" },
  { name: "pnpm", from: "9.0.0-0", node: ">=18.12" },
  { name: "yarn", from: "4.0.0-0", node: ">=18.12" },
  { name: "npm", from: "11.0.0-0", node: "^20.17.0 || >=22.9.0" },
];

/** The Node range a package manager release needs ("pnpm", "11.8.0" → ">=22.13"), or null if any will do. */
export function nodeNeededBy(name: PackageManagerName, version: string): string | null {
  const line = NODE_NEEDED.find((entry) => entry.name === name && semver.gte(version, entry.from));
  return line?.node ?? null;
}

export interface PackageManagerPlan {
  name: PackageManagerName;
  /** The version used, when Pier installs one (null: the image's npm). */
  version: string | null;
  lockfile: string | null;
  /** Why this package manager and version, for the deploy log. */
  reason: string;
  /** npm package to install globally before installing dependencies (e.g. "yarn@1.22.22"), if any. */
  globalPackage: string | null;
  /** A shell command that installs the package manager instead (Bun: its binary from the npm registry). */
  setup?: string;
  /** The install command (frozen to the lockfile when there is one). */
  install: string;
  /** The prefix that runs a package.json script: `<run> build`. */
  run: string;
  /** Files the install needs, copied before the source so the dependency layer stays cached. */
  manifests: string[];
  /** Yarn 2+: its cache in the project, its own set of install hooks. */
  berry?: true;
}

interface PackageJson {
  packageManager?: unknown;
}

const LOCKFILES: Array<[string, PackageManagerName]> = [
  ["bun.lock", "bun"],
  ["bun.lockb", "bun"],
  ["pnpm-lock.yaml", "pnpm"],
  ["yarn.lock", "yarn"],
  ["package-lock.json", "npm"],
  ["npm-shrinkwrap.json", "npm"],
];

/** `"pnpm@9.1.0+sha512.abc"` → { name: "pnpm", version: "9.1.0" }. */
export function parsePackageManagerField(value: unknown): { name: PackageManagerName; version: string } | null {
  if (typeof value !== "string") return null;
  const match = /^(npm|yarn|pnpm|bun)@(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)(?:\+.*)?$/.exec(value.trim());
  if (!match)
    throw new DeployFailedError(
      `package.json "packageManager" is "${value}": expected <npm|yarn|pnpm|bun>@<exact version>, e.g. "pnpm@9.15.9"`,
    );
  return { name: match[1] as PackageManagerName, version: match[2]! };
}

/** Which package manager installs the app, which version, and the commands for it. */
export async function detectPackageManager(files: RepoFiles, pkg: PackageJson): Promise<PackageManagerPlan> {
  const pinned = parsePackageManagerField(pkg.packageManager);
  let lockfile: string | null = null;
  let fromLockfile: PackageManagerName | null = null;
  for (const [file, name] of LOCKFILES) {
    if (await files.exists(file)) {
      lockfile = file;
      fromLockfile = name;
      break;
    }
  }
  const name = pinned?.name ?? fromLockfile ?? "npm";
  // e.g. a stray package-lock.json in a pnpm repo
  if (pinned && fromLockfile && pinned.name !== fromLockfile) lockfile = null;
  if (pinned && !lockfile) {
    const own = LOCKFILES.find(([, n]) => n === pinned.name && n !== "npm")?.[0];
    if (own && (await files.exists(own))) lockfile = own;
  }
  const why = pinned
    ? `"packageManager": "${pinned.name}@${pinned.version}" in package.json`
    : lockfile
      ? lockfile
      : "no lockfile";
  switch (name) {
    case "npm":
      return npmPlan(lockfile, why, pinned?.version ?? null);
    case "pnpm":
      return pnpmPlan(files, lockfile, why, pinned?.version ?? null);
    case "yarn":
      return yarnPlan(files, lockfile, why, pinned?.version ?? null);
    case "bun":
      return bunPlan(files, lockfile, why, pinned?.version ?? null);
  }
}

/**
 * Bun, from its npm package (`@oven/bun-linux-<arch>`, the native binary; the `bun` package's own
 * postinstall would fetch it), linked as bun and bunx. It builds and runs the app; Node stays in the image
 * for tools that call `node` by name.
 */
async function bunPlan(
  files: RepoFiles,
  lockfile: string | null,
  why: string,
  pinnedVersion: string | null,
): Promise<PackageManagerPlan> {
  const version = pinnedVersion ?? PINNED_VERSIONS.bun;
  const manifests = ["package.json", ...(lockfile ? [lockfile] : [])];
  if (await files.exists("bunfig.toml")) manifests.push("bunfig.toml");
  // The baseline build runs on x86-64 CPUs without AVX2; the version is digits and dots (parsed above).
  const setup =
    `arch=$(uname -m); case "$arch" in ` +
    `x86_64) pkg=@oven/bun-linux-x64; grep -qw avx2 /proc/cpuinfo || pkg=$pkg-baseline;; ` +
    `aarch64) pkg=@oven/bun-linux-aarch64;; *) echo "Bun has no build for $arch" >&2; exit 1;; esac; ` +
    `npm install --global --no-audit --no-fund "$pkg@${version}" ` +
    `&& ln -sf "$(npm root --global)/$pkg/bin/bun" /usr/local/bin/bun ` +
    `&& ln -sf bun /usr/local/bin/bunx && bun --version`;
  return {
    name: "bun",
    version,
    lockfile,
    reason: `bun ${version} (${why}${pinnedVersion ? "" : "; Pier's pinned version"})`,
    globalPackage: null,
    setup,
    install: lockfile ? "bun install --frozen-lockfile" : "bun install",
    run: "bun run",
    manifests,
  };
}

function npmPlan(lockfile: string | null, why: string, pinnedVersion: string | null): PackageManagerPlan {
  return {
    name: "npm",
    version: pinnedVersion,
    lockfile,
    reason: `npm (${why}${pinnedVersion ? "" : ", the image's npm"})`,
    globalPackage: pinnedVersion ? `npm@${pinnedVersion}` : null,
    install: lockfile ? "npm ci" : "npm install",
    run: "npm run",
    manifests: ["package.json", ...(lockfile ? [lockfile] : [])],
  };
}

async function pnpmPlan(
  files: RepoFiles,
  lockfile: string | null,
  why: string,
  pinnedVersion: string | null,
): Promise<PackageManagerPlan> {
  let version = pinnedVersion;
  let source = "pinned in package.json";
  if (!version) {
    // The lockfile format tells the pnpm generation that wrote it; a newer one would refuse it when frozen.
    const lockText = lockfile === "pnpm-lock.yaml" ? ((await files.readHead(lockfile)) ?? "") : "";
    const format = /^lockfileVersion:\s*'?"?(\d+)/m.exec(lockText)?.[1] ?? "9";
    version = PINNED_VERSIONS.pnpm[format] ?? PINNED_VERSIONS.pnpm["9"]!;
    source = `Pier's pin for lockfile v${format}`;
  }
  const extra = ["pnpm-workspace.yaml", ".npmrc", ".pnpmfile.cjs"];
  const manifests = ["package.json", ...(lockfile ? [lockfile] : [])];
  for (const file of extra) if (await files.exists(file)) manifests.push(file);
  return {
    name: "pnpm",
    version,
    lockfile,
    reason: `pnpm ${version} (${why}; ${source})`,
    globalPackage: `pnpm@${version}`,
    install: lockfile ? "pnpm install --frozen-lockfile" : "pnpm install",
    run: "pnpm run",
    manifests,
  };
}

async function yarnPlan(
  files: RepoFiles,
  lockfile: string | null,
  why: string,
  pinnedVersion: string | null,
): Promise<PackageManagerPlan> {
  const yarnrc = await files.readText(".yarnrc.yml");
  const lockText = lockfile === "yarn.lock" ? ((await files.readHead(lockfile)) ?? "") : "";
  const berryLockfile = /^__metadata:/m.test(lockText);
  const berry = pinnedVersion ? !pinnedVersion.startsWith("1.") : yarnrc !== null || berryLockfile;
  const manifests = ["package.json", ...(lockfile ? [lockfile] : [])];
  if (!berry) {
    const version = pinnedVersion ?? PINNED_VERSIONS.yarnClassic;
    if (await files.exists(".yarnrc")) manifests.push(".yarnrc");
    return {
      name: "yarn",
      version,
      lockfile,
      reason: `yarn ${version} classic (${why}${pinnedVersion ? "" : "; Pier's pinned version"})`,
      globalPackage: `yarn@${version}`,
      install: lockfile ? "yarn install --frozen-lockfile --non-interactive" : "yarn install --non-interactive",
      run: "yarn run",
      manifests,
    };
  }
  // Yarn 2+: a checked-in release (`yarnPath`) is what the repo runs; otherwise Pier installs the pinned CLI.
  const yarnPath = yarnrc ? (/^yarnPath:\s*["']?([^"'\n]+?)["']?\s*$/m.exec(yarnrc)?.[1] ?? null) : null;
  if (yarnrc !== null) manifests.push(".yarnrc.yml");
  for (const dir of [".yarn/releases", ".yarn/plugins", ".yarn/patches"])
    if (await files.isDirectory(dir)) manifests.push(dir);
  if (yarnPath && !(await files.exists(yarnPath)))
    throw new DeployFailedError(`.yarnrc.yml names yarnPath ${yarnPath}, which is not in the repository`);
  const version = pinnedVersion ?? (yarnPath ? null : PINNED_VERSIONS.yarnBerry);
  const yarn = yarnPath ? `node ${yarnPath}` : "yarn";
  return {
    name: "yarn",
    version,
    lockfile,
    reason: yarnPath
      ? `yarn berry from the repository (${yarnPath}; ${why})`
      : `yarn ${version} (${why}${pinnedVersion ? "" : "; Pier's pinned version"})`,
    globalPackage: yarnPath ? null : `@yarnpkg/cli-dist@${version}`,
    install: lockfile ? `${yarn} install --immutable` : `${yarn} install`,
    run: `${yarn} run`,
    manifests,
    berry: true,
  };
}
