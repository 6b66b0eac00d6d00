import { execFile, execFileSync } from "node:child_process";

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
  const run = {
    cwd: options.cwd,
    encoding: "utf8" as const,
    env: { ...process.env, ...options.env },
    stdio: "pipe" as const,
  };
  return hasComposePlugin()
    ? execFileSync("docker", ["compose", ...args], run)
    : execFileSync("docker-compose", args, run);
}

/**
 * `compose` without blocking the event loop (builds and `up` take minutes, and a hook's timeout must still
 * fire), killed after `timeoutMs`. A failure's message carries what compose printed.
 */
export function composeAsync(
  args: string[],
  options: { cwd: string; env: Record<string, string>; timeoutMs: number },
): Promise<string> {
  const [file, fullArgs] = hasComposePlugin() ? ["docker", ["compose", ...args]] : ["docker-compose", args];
  return new Promise((resolve, reject) => {
    execFile(
      file,
      fullArgs,
      { cwd: options.cwd, env: options.env, encoding: "utf8", timeout: options.timeoutMs, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (!error) return resolve(stdout);
        const why = error.killed ? `killed after ${options.timeoutMs} ms` : `exit code ${String(error.code)}`;
        reject(new Error(`${file} ${fullArgs.join(" ")}: ${why}\n${stderr.slice(-4_000)}${stdout.slice(-2_000)}`));
      },
    );
  });
}
