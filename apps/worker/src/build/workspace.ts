import { parse as parseYaml } from "yaml";
import { DeployFailedError } from "../errors.ts";
import type { RepoFiles } from "./repo-files.ts";

/**
 * A workspace (npm or yarn `workspaces`, pnpm-workspace.yaml) the app belongs to: installs run at its root,
 * where the lockfile is, and only the app is built. The app may be the root itself (a single-package repo
 * that has a pnpm-workspace.yaml for its settings) or one of its members (`rootDir` pointing into a monorepo).
 */
export interface Workspace {
  root: RepoFiles;
  /** The app's folder from the root (posix; "" when the app is the root). */
  appPath: string;
  /** Member folders other than the root, from the root (their package.json files join the install). */
  members: string[];
  declaredIn: "package.json" | "pnpm-workspace.yaml";
}

interface RootPackageJson {
  workspaces?: unknown;
}

const MAX_DEPTH = 4;

/** Workspace patterns a root declares, or null when it declares none. */
async function declaredPatterns(
  dir: RepoFiles,
): Promise<{ patterns: string[]; declaredIn: Workspace["declaredIn"] } | null> {
  const yamlText = await dir.readText("pnpm-workspace.yaml");
  if (yamlText !== null) {
    let doc: unknown;
    try {
      doc = parseYaml(yamlText);
    } catch (error) {
      throw new DeployFailedError(`pnpm-workspace.yaml is not valid YAML: ${(error as Error).message}`);
    }
    const packages = (doc as { packages?: unknown } | null)?.packages;
    return {
      patterns: Array.isArray(packages) ? packages.filter((p): p is string => typeof p === "string") : [],
      declaredIn: "pnpm-workspace.yaml",
    };
  }
  const pkg = await dir.readJson<RootPackageJson>("package.json");
  const field = pkg?.workspaces;
  const list = Array.isArray(field) ? field : (field as { packages?: unknown } | undefined)?.packages;
  if (!Array.isArray(list)) return null;
  return { patterns: list.filter((p): p is string => typeof p === "string"), declaredIn: "package.json" };
}

/** A workspace glob ("apps/*", "packages/**") as a regular expression over posix folder paths. */
function globToRegExp(glob: string): RegExp {
  const clean = glob.replace(/^\.\//, "").replace(/\/+$/, "");
  let source = "";
  for (let i = 0; i < clean.length; i++) {
    const char = clean[i]!;
    if (char === "*" && clean[i + 1] === "*") {
      source += ".*";
      i++;
    } else if (char === "*") source += "[^/]*";
    else if (char === "?") source += "[^/]";
    else source += char.replace(/[.+^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${source}$`);
}

function membersOf(folders: string[], patterns: string[]): string[] {
  const include = patterns.filter((p) => !p.startsWith("!")).map(globToRegExp);
  const exclude = patterns.filter((p) => p.startsWith("!")).map((p) => globToRegExp(p.slice(1)));
  return folders.filter((f) => include.some((r) => r.test(f)) && !exclude.some((r) => r.test(f)));
}

/** The nearest folder, from the app's up to the checkout's root, that declares a workspace holding the app. */
export async function findWorkspace(app: RepoFiles): Promise<Workspace | null> {
  for (let dir: RepoFiles | null = app; dir; dir = dir.parent()) {
    const declared = await declaredPatterns(dir);
    if (!declared) continue;
    const appPath = app.pathFrom(dir);
    const folders = await dir.folders(MAX_DEPTH);
    const candidates: string[] = [];
    for (const folder of membersOf(folders, declared.patterns))
      if (await dir.exists(`${folder}/package.json`)) candidates.push(folder);
    if (appPath !== "" && !candidates.includes(appPath)) continue; // a workspace the app is not part of
    return { root: dir, appPath, members: candidates, declaredIn: declared.declaredIn };
  }
  return null;
}
