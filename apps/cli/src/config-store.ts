import { chmod, mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { homedir } from "node:os";
import { dirname, join } from "node:path";
import { CliError, EXIT } from "./errors.ts";

export const DEFAULT_API_URL = "http://127.0.0.1:3000";

/** What `pier login` saves. */
export interface SavedConfig {
  url?: string;
  token?: string;
}

/** Where to reach the API and with which token, after env vars override the saved config. */
export interface Connection {
  url: string;
  token: string | undefined;
}

/** $XDG_CONFIG_HOME/pier/config.json, ~/.config/pier/config.json by default. */
export function configPath(env: NodeJS.ProcessEnv = process.env): string {
  const base =
    env.XDG_CONFIG_HOME && env.XDG_CONFIG_HOME.trim() !== "" ? env.XDG_CONFIG_HOME : join(homedir(), ".config");
  return join(base, "pier", "config.json");
}

export async function readConfig(env: NodeJS.ProcessEnv = process.env): Promise<SavedConfig> {
  const path = configPath(env);
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return {};
    throw new CliError(`cannot read ${path}: ${(error as Error).message}`, EXIT.failed);
  }
  try {
    const parsed = JSON.parse(text) as unknown;
    if (!parsed || typeof parsed !== "object") return {};
    const { url, token } = parsed as Record<string, unknown>;
    return { ...(typeof url === "string" ? { url } : {}), ...(typeof token === "string" ? { token } : {}) };
  } catch {
    throw new CliError(`${path} is not valid JSON: run pier login again`, EXIT.failed);
  }
}

/** Writes the config readable by its owner only (0600), atomically. */
export async function writeConfig(config: SavedConfig, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const path = configPath(env);
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const temp = `${path}.${process.pid}.tmp`;
  await writeFile(temp, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
  await chmod(temp, 0o600);
  await rename(temp, path);
  return path;
}

export function normalizeUrl(url: string): string {
  const trimmed = url.trim().replace(/\/+$/, "");
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    throw new CliError(`not a URL: ${url}`, EXIT.usage);
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:")
    throw new CliError(`the API URL must be http(s): ${url}`, EXIT.usage);
  return trimmed;
}

/** PIER_API_URL and PIER_TOKEN override what `pier login` saved. */
export async function resolveConnection(env: NodeJS.ProcessEnv = process.env): Promise<Connection> {
  const saved = await readConfig(env);
  const url = env.PIER_API_URL?.trim() || saved.url || DEFAULT_API_URL;
  const token = env.PIER_TOKEN?.trim() || saved.token;
  return { url: normalizeUrl(url), token };
}
