import { parseArgs, type ParseArgsConfig } from "node:util";
import { ApiClient } from "./api-client.ts";
import { resolveConnection } from "./config-store.ts";
import { UsageError, type ExitCode } from "./errors.ts";

/** What every command gets: a lazily built API client (so `--help` and usage errors need no config). */
export interface Context {
  client(): Promise<ApiClient>;
  env: NodeJS.ProcessEnv;
}

export interface Command {
  /** As typed: "deploy", "apps create", "env set". */
  name: string;
  usage: string;
  summary: string;
  /** Extra lines for `pier help <command>`. */
  details?: string[];
  /** Resolves to the exit code, or to nothing when the command succeeded (exit 0). */
  // biome-ignore lint/suspicious/noConfusingVoidType: commands that only print return void; `undefined` refuses them
  run(args: string[], context: Context): Promise<ExitCode | void>;
}

export function createContext(env: NodeJS.ProcessEnv = process.env): Context {
  let client: ApiClient | undefined;
  return {
    env,
    async client() {
      if (!client) {
        const connection = await resolveConnection(env);
        client = new ApiClient(connection.url, connection.token);
      }
      return client;
    },
  };
}

/** Options every command accepts. */
export const COMMON_OPTIONS = {
  json: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

/** node:util parseArgs, strict, with its errors turned into usage errors (exit 2). */
export function parseCommand<T extends ParseArgsConfig>(command: string, config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/\. To specify a positional argument.*$/s, ""), command);
  }
}

/** The positionals a command needs, or a usage error naming the missing one. */
export function requirePositionals(
  command: string,
  positionals: string[],
  names: string[],
  opts: { rest?: boolean } = {},
): string[] {
  if (positionals.length < names.length) throw new UsageError(`missing <${names[positionals.length]}>`, command);
  if (!opts.rest && positionals.length > names.length)
    throw new UsageError(`unexpected argument: ${positionals[names.length]}`, command);
  return positionals;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
