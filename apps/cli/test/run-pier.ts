import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";

const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));

export interface PierRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface PierTarget {
  apiUrl: string;
  token: string;
  /** XDG_CONFIG_HOME: where `pier login` would save its config. */
  configHome: string;
}

/** Runs the CLI as a real subprocess against `target`. `env` entries set to undefined are removed. */
export function runPier(
  target: PierTarget,
  args: string[],
  options: {
    env?: Record<string, string | undefined>;
    input?: string;
    launcher?: boolean;
    /** Kill it after this long (default 60 s): deleting an app waits on the engine, slow on a busy machine. */
    timeoutMs?: number;
    /** Hears stdout as it comes (the result still has all of it). */
    onStdout?: (text: string) => void;
    /** Hears stderr as it comes. */
    onStderr?: (text: string) => void;
  } = {},
): Promise<PierRun> {
  const env: Record<string, string | undefined> = {
    ...process.env,
    PIER_API_URL: target.apiUrl,
    PIER_TOKEN: target.token,
    XDG_CONFIG_HOME: target.configHome,
    NO_COLOR: "1",
    ...options.env,
  };
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  const argv = options.launcher
    ? ["apps/cli/bin/pier.mjs", ...args]
    : ["--import", "tsx", "apps/cli/src/main.ts", ...args];
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      argv,
      { cwd: repoRoot, env: env as NodeJS.ProcessEnv, timeout: options.timeoutMs ?? 60_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : -1) : 0;
        resolve({ code, stdout: String(stdout), stderr: String(stderr) });
      },
    );
    if (options.onStdout) child.stdout?.on("data", (chunk) => options.onStdout!(String(chunk)));
    if (options.onStderr) child.stderr?.on("data", (chunk) => options.onStderr!(String(chunk)));
    child.stdin?.end(options.input ?? "");
  });
}
