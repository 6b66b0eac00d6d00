/** App names become DNS labels (`<app>.<domain>`, `<app>-<shortId>.<domain>`), so they must stay short. */
export const APP_NAME_PATTERN = "^[a-z]([a-z0-9-]{0,38}[a-z0-9])?$";
export const APP_NAME_RULE = "must be 1-40 characters of a-z, 0-9 and '-', start with a letter and not end with '-'";
const appNameRegex = new RegExp(APP_NAME_PATTERN);

export function isValidAppName(name: string): boolean {
  return appNameRegex.test(name) && !name.includes("--");
}

/** Deployment short ids: 8 chars of a-z0-9, so `<app>-<shortId>` never collides with a `-git-` preview label. */
export const SHORT_ID_LENGTH = 8;

/**
 * Host labels Pier makes for an app are `<app>-<shortId>` and `<app>-git-<slug>`, so new app names must not
 * read as one of another app's labels: no name contains "-git-" or ends in "-git" (then preview labels
 * can't clash with anything), and no name is `<other app>-<8 letters/digits>` or has another app's name
 * that way (checked against the existing apps when one is created).
 */
export const APP_NAME_HOST_RULE =
  "must not contain '-git-' or end in '-git' (reserved for preview hosts <app>-git-<branch>)";

export function isReservedAppName(name: string): boolean {
  return name.includes("-git-") || name.endsWith("-git");
}

const isShortId = (s: string) => s.length === SHORT_ID_LENGTH && /^[a-z0-9]+$/.test(s);

/** `label` is one of the host labels Pier makes for an app named `app` (a deployment's or a preview's). */
export function isGeneratedLabelOf(label: string, app: string): boolean {
  if (!label.startsWith(`${app}-`)) return false;
  const rest = label.slice(app.length + 1);
  return isShortId(rest) || rest.startsWith("git-");
}

/** The other app whose host labels `name` would shadow (or that would shadow `name`'s), if any. */
export function hostLabelClash(name: string, otherApps: Iterable<string>): string | null {
  for (const other of otherApps) {
    if (other !== name && (isGeneratedLabelOf(name, other) || isGeneratedLabelOf(other, name))) return other;
  }
  return null;
}

/**
 * The names of existing apps `hostLabelClash` must see for a new name: its prefix before a short id, and names
 * starting with it.
 */
export function clashCandidates(name: string): { exact: string | null; prefix: string } {
  const cut = name.length - SHORT_ID_LENGTH - 1;
  return {
    exact: cut > 0 && name[cut] === "-" && isShortId(name.slice(cut + 1)) ? name.slice(0, cut) : null,
    prefix: `${name}-`,
  };
}
const ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

export function randomId(length: number, random: (n: number) => Uint8Array): string {
  const bytes = random(length);
  let out = "";
  for (const b of bytes) out += ID_ALPHABET[b % ID_ALPHABET.length];
  return out;
}

/** Branch → DNS-safe slug: lower-case, runs outside a-z0-9 become one '-', trimmed, cut to `max`. */
export function branchSlug(branch: string, max = 63): string {
  const slug = branch
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return slug.slice(0, max).replace(/-+$/, "");
}

/** Git branch names Pier accepts in settings: git's own rules, minus anything that could read as an option. */
export function isValidBranchName(branch: string): boolean {
  if (branch.length === 0 || branch.length > 200) return false;
  if (branch.startsWith("-") || branch.startsWith("/") || branch.endsWith("/") || branch.endsWith(".")) return false;
  if (branch.includes("..") || branch.includes("//") || branch.includes("@{") || branch.endsWith(".lock")) return false;
  // Control characters, space and git's forbidden ~^:?*[\
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this refuses
  return !/[\x00-\x20\x7f~^:?*[\\]/.test(branch);
}

/** rootDir: a relative path inside the repo, no escaping upwards. */
export function isValidRootDir(dir: string): boolean {
  if (dir === "") return true;
  if (dir.startsWith("/") || dir.includes("\\") || dir.length > 200) return false;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this refuses
  const control = /[\x00-\x1f]/;
  return dir.split("/").every((part) => part !== ".." && part !== "." && part !== "" && !control.test(part));
}

/**
 * The preview label of a branch: `<app>-git-<slug>`, always one DNS label (≤ 63 characters). A branch
 * whose name has no usable characters gets a stable hash instead.
 */
export function previewSlug(appName: string, branch: string, hash: (text: string) => string): string {
  const room = 63 - appName.length - "-git-".length;
  return branchSlug(branch, room) || `b${hash(branch).slice(0, Math.min(8, room - 1))}`;
}

export const previewLabel = (appName: string, slug: string) => `${appName}-git-${slug}`;

/** Tag of an app's newest build stage: it holds the app's build caches (and keeps its install layers). */
export const buildStageTag = (appName: string) => `pier/${appName}:build-stage`;
