import { execFileSync } from "node:child_process";

function hasComposePlugin(): boolean {
  try {
    execFileSync("docker", ["compose", "version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/** Runs `docker compose` (v2 plugin) where installed, else Debian's docker-compose (v1), in `cwd`. */
export function compose(args: string[], options: { cwd: string; env?: Record<string, string> }): string {
  const run = { cwd: options.cwd, encoding: "utf8" as const, env: { ...process.env, ...options.env }, stdio: "pipe" as const };
  return hasComposePlugin() ? execFileSync("docker", ["compose", ...args], run) : execFileSync("docker-compose", args, run);
}
