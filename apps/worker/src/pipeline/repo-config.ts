import { parsePierJson, volumesSchema, type PierJson, type PierConfig, type VolumeSpec } from "@pier/shared";
import type { App } from "@pier/db";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { DeployFailedError } from "../errors.ts";

/** Reads `pier.json` from the app's root directory; a missing file is fine, an invalid one fails the deploy. */
export async function readPierJson(contextDir: string): Promise<PierJson | null> {
  const file = path.join(contextDir, "pier.json");
  if (!existsSync(file)) return null;
  const result = parsePierJson(await readFile(file, "utf8"));
  if (!result.ok) throw new DeployFailedError(`pier.json is invalid: ${result.errors.join("; ")}`);
  return result.config;
}

/** What this deployment runs with, and where each value came from. */
export interface DeploySettings {
  /** null: let detection decide (Dockerfile EXPOSE, else 3000). */
  port: number | null;
  healthCheckPath: string;
  healthCheckTimeoutMs: number;
  memoryMb: number;
  cpus: number;
  commands: { install?: string; build?: string; start?: string };
  test?: string;
  envDefaults: Record<string, string>;
  volumes: VolumeSpec[];
  replicas: number;
  /** One line per setting: "port 4000 (pier.json)". */
  explained: string[];
}

/** Precedence: pier.json > app settings > detection/defaults. Env: the app's env vars override pier.json's defaults. */
export function resolveDeploySettings(app: App, pierJson: PierJson | null, config: PierConfig): DeploySettings {
  const explained: string[] = [];
  const pick = <T>(name: string, fromFile: T | undefined, fromSettings: T | undefined | null, fallback: T, fallbackSource: string, show: (v: T) => string = String): T => {
    const [value, source] = fromFile !== undefined ? [fromFile, "pier.json"] : fromSettings !== undefined && fromSettings !== null ? [fromSettings, "app settings"] : [fallback, fallbackSource];
    explained.push(`${name}: ${show(value)} (${source})`);
    return value;
  };
  const port = pick<number | null>("port", pierJson?.port, app.port, null, "detection", (v) => (v === null ? "detected from the build" : String(v)));
  const healthCheckPath = pick("health check path", pierJson?.healthCheck?.path, app.healthCheckPath, "/", "default");
  const timeoutSeconds = pierJson?.healthCheck?.timeoutSeconds;
  const healthCheckTimeoutMs = pick("health check timeout", timeoutSeconds === undefined ? undefined : timeoutSeconds * 1000, undefined, config.PIER_HEALTHCHECK_TIMEOUT_MS, "PIER_HEALTHCHECK_TIMEOUT_MS", (v) => `${v} ms`);
  const memoryMb = pick("memory", pierJson?.resources?.memory, undefined, config.PIER_CONTAINER_MEMORY_MB, "PIER_CONTAINER_MEMORY_MB", (v) => `${v} MB`);
  const cpus = pick("cpus", pierJson?.resources?.cpus, undefined, config.PIER_CONTAINER_CPUS, "PIER_CONTAINER_CPUS");
  const commands = { install: pierJson?.install, build: pierJson?.build, start: pierJson?.start };
  for (const [name, value] of Object.entries(commands)) if (value) explained.push(`${name} command: ${value} (pier.json)`);
  if (pierJson?.test) explained.push(`test command: ${pierJson.test} (pier.json)`);
  const envDefaults = pierJson?.env ?? {};
  if (Object.keys(envDefaults).length) explained.push(`env defaults: ${Object.keys(envDefaults).join(", ")} (pier.json; the app's env vars override them)`);
  const fromSettings = volumesSchema.safeParse(app.volumes);
  const volumes = pierJson?.volumes ?? (fromSettings.success ? fromSettings.data : []);
  if (volumes.length) explained.push(`volumes: ${volumes.map((v) => `${v.name} → ${v.path}`).join(", ")} (${pierJson?.volumes ? "pier.json" : "app settings"})`);
  const replicas = pick("replicas", pierJson?.replicas, undefined, 1, "default");
  return { port, healthCheckPath, healthCheckTimeoutMs, memoryMb, cpus, commands, test: pierJson?.test, envDefaults, volumes, replicas, explained };
}
