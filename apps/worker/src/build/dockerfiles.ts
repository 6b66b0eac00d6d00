import type { BuildPlan, PackageManager } from "./detect.ts";

/** Where Pier puts its own files inside the build context; left out of nothing, removed from nothing. */
export const PIER_CONTEXT_DIR = ".pier";
export const CA_FILE_IN_CONTEXT = `${PIER_CONTEXT_DIR}/ca.crt`;
export const STATIC_SERVER_IN_CONTEXT = `${PIER_CONTEXT_DIR}/static-server.mjs`;

const INSTALL: Record<PackageManager, { withLockfile: string; without: string; run: string }> = {
  npm: { withLockfile: "npm ci", without: "npm install", run: "npm run" },
  yarn: { withLockfile: "corepack yarn install --frozen-lockfile", without: "corepack yarn install", run: "corepack yarn run" },
  pnpm: { withLockfile: "corepack pnpm install --frozen-lockfile", without: "corepack pnpm install", run: "corepack pnpm run" },
};

/** Lines that make the build trust the host's CA bundle, so installs work behind TLS-intercepting proxies. */
function caLines(withCa: boolean): string[] {
  if (!withCa) return [];
  const target = "/usr/local/share/pier-build-ca.crt";
  return [`COPY ${CA_FILE_IN_CONTEXT} ${target}`, `ENV NODE_EXTRA_CA_CERTS=${target} npm_config_cafile=${target}`];
}

/** Commands and env from pier.json that replace what detection would do. */
export interface BuildOverrides {
  install?: string;
  build?: string;
  start?: string;
  env?: Record<string, string>;
  /** Mount points of persistent volumes: made and owned by the app's user, so a fresh volume is writable. */
  volumePaths?: string[];
}

/** A user command as a Dockerfile exec-form instruction: JSON-quoted, so no newline can start a new instruction. */
const shell = (instruction: "RUN" | "CMD", command: string) => `${instruction} ["sh", "-c", ${JSON.stringify(command)}]`;
const envLines = (env: Record<string, string> = {}) => Object.entries(env).map(([k, v]) => `ENV ${k}=${JSON.stringify(v)}`);
const volumeLines = (paths: string[] = []) =>
  paths.length ? [`RUN ${JSON.stringify(["mkdir", "-p", ...paths])}`, `RUN ${JSON.stringify(["chown", "node:node", ...paths])}`] : [];

/** Dockerfile Pier writes for detected apps. Every command is exec-form JSON. */
export function generatedDockerfile(plan: Exclude<BuildPlan, { kind: "dockerfile" }>, baseImage: string, withCa: boolean, overrides: BuildOverrides = {}): string {
  const lines = [`FROM ${baseImage}`, "WORKDIR /app", ...caLines(withCa)];
  if (plan.kind === "static") {
    lines.push(
      `COPY ${STATIC_SERVER_IN_CONTEXT} /opt/pier/static-server.mjs`,
      "COPY . /srv/site",
      `ENV NODE_ENV=production PORT=${plan.port}`,
      ...envLines(overrides.env),
      ...volumeLines(overrides.volumePaths),
      `EXPOSE ${plan.port}`,
      "USER node",
      overrides.start ? shell("CMD", overrides.start) : 'CMD ["node", "/opt/pier/static-server.mjs", "/srv/site"]',
    );
    return `${lines.join("\n")}\n`;
  }
  const pm = INSTALL[plan.packageManager];
  // Manifest first, so the install layer is cached until dependencies change.
  lines.push(plan.lockfile ? `COPY package.json ${plan.lockfile} ./` : "COPY package.json ./");
  lines.push(overrides.install ? shell("RUN", overrides.install) : `RUN ${plan.lockfile ? pm.withLockfile : pm.without}`);
  lines.push("COPY . .");
  if (overrides.build) lines.push(shell("RUN", overrides.build));
  else if (plan.hasBuildScript) lines.push(`RUN ${pm.run} build`);
  lines.push(
    `ENV NODE_ENV=production PORT=${plan.port}`,
    ...envLines(overrides.env),
    ...volumeLines(overrides.volumePaths),
    `EXPOSE ${plan.port}`,
    "USER node",
    overrides.start ? shell("CMD", overrides.start) : `CMD [${pm.run.split(" ").map((w) => JSON.stringify(w)).join(", ")}, "start"]`,
  );
  return `${lines.join("\n")}\n`;
}

/** For a repo's own Dockerfile: a thin layer on the built image with pier.json's start command and env. */
export function finishingDockerfile(builtImageId: string, overrides: BuildOverrides): string | null {
  const lines = [...envLines(overrides.env), ...(overrides.start ? [shell("CMD", overrides.start)] : [])];
  return lines.length ? `FROM ${builtImageId}\n${lines.join("\n")}\n` : null;
}
