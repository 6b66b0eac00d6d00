import { parseArgs, type ParseArgsConfig } from "node:util";
import { ApiClient } from "./api-client.ts";
import { resolveConnection } from "./config-store.ts";
import { UnexpectedArgumentError, UsageError, type ExitCode } from "./errors.ts";
import { findLink } from "./link-store.ts";
import { didYouMean } from "./suggest.ts";

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

/** -1, -0.5, -5s: values, never options (no pier option is a digit), though parseArgs would take them for one. */
const NEGATIVE_NUMBER = /^-\.?\d/;
/** Marks a negative number so parseArgs sees a plain value; no argument can hold a NUL, so none is mistaken. */
const HIDDEN = "\0";
const hide = (arg: string) => (NEGATIVE_NUMBER.test(arg) ? `${HIDDEN}${arg}` : arg);
const reveal = (value: unknown) => (typeof value === "string" && value.startsWith(HIDDEN) ? value.slice(1) : value);

/**
 * node:util parseArgs, strict, with its errors turned into usage errors (exit 2) a person can act on. A negative
 * number is a value (`pier scale app -1`, `--delay -5`), so the command's own validation says what is wrong with it.
 * Arguments after `--` belong to a remote command and are left as they are.
 */
export function parseCommand<T extends ParseArgsConfig>(command: string, config: T): ReturnType<typeof parseArgs<T>> {
  const args = config.args ?? [];
  const end = args.includes("--") ? args.indexOf("--") : args.length;
  let parsed: ReturnType<typeof parseArgs<T>>;
  try {
    parsed = parseArgs<T>({ ...config, args: [...args.slice(0, end).map(hide), ...args.slice(end)] });
  } catch (error) {
    throw parseError(command, error as Error & { code?: string }, config.options ?? {});
  }
  const values = parsed.values as Record<string, unknown>;
  for (const [key, value] of Object.entries(values))
    values[key] = Array.isArray(value) ? value.map(reveal) : reveal(value);
  parsed.positionals.splice(0, parsed.positionals.length, ...parsed.positionals.map((p) => reveal(p) as string));
  return parsed;
}

function parseError(command: string, error: Error & { code?: string }, options: ParseArgsConfig["options"] & {}) {
  const unknown = /^Unknown option '([^']+)'/.exec(error.message)?.[1];
  if (error.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" && unknown) {
    const known = Object.entries(options).flatMap(([name, o]) => [`--${name}`, ...(o.short ? [`-${o.short}`] : [])]);
    return new UsageError(`unknown option ${unknown}${didYouMean(unknown, known)}`, command);
  }
  const missing = /^Option '(?:-\w, )?(--[\w-]+)[^']*' argument (?:missing|is ambiguous)/.exec(error.message)?.[1];
  if (error.code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE" && missing) {
    return new UsageError(`${missing} needs a value`, command);
  }
  return new UsageError(error.message.replace(/\. To specify a positional argument.*$/s, ""), command);
}

/**
 * The positionals a command needs, or a usage error naming the missing one. A command whose first positional is
 * <app> takes it from `pier link` when it is left out (link-store.ts).
 */
export function requirePositionals(
  command: string,
  given: string[],
  names: string[],
  opts: { rest?: boolean } = {},
): string[] {
  const positionals = names[0] === "app" ? withLinkedApp(given, names, opts.rest === true) : given;
  if (positionals.length < names.length) {
    const hint = names[positionals.length] === "app" ? " (or run pier link <app> in this directory)" : "";
    throw new UsageError(`missing <${names[positionals.length]}>${hint}`, command);
  }
  if (!opts.rest && positionals.length > names.length)
    throw new UnexpectedArgumentError(positionals[names.length]!, command);
  return positionals;
}

/** An app's name as the API accepts it (packages/shared/src/names.ts). */
const APP_NAME = /^[a-z]([a-z0-9-]{0,38}[a-z0-9])?$/;

/**
 * The linked app goes first when fewer arguments than names were given, or, for a command taking a list
 * (env set app K=V…), when the first one can't be an app's name.
 */
function withLinkedApp(positionals: string[], names: string[], rest: boolean): string[] {
  const first = positionals[0];
  const short = positionals.length < names.length;
  if (!short && !(rest && first !== undefined && !APP_NAME.test(first))) return positionals;
  const link = findLink();
  return link ? [link.app, ...positionals] : positionals;
}

/** `--limit`: a whole number from 1 to `max`, `fallback` when left out; a usage error naming the value otherwise. */
export function parseLimit(
  value: string | undefined,
  opts: { fallback: number; max: number; command: string },
): number {
  if (value === undefined) return opts.fallback;
  const limit = Number(value);
  if (!Number.isInteger(limit) || limit < 1 || limit > opts.max)
    throw new UsageError(`--limit must be a whole number from 1 to ${opts.max}, not "${value}"`, opts.command);
  return limit;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
