/** Exit codes scripts can rely on (documented in `pier help`). */
export const EXIT = {
  ok: 0,
  /** The operation itself failed: a deploy ended FAILED or CANCELLED. */
  failed: 1,
  usage: 2,
  unreachable: 3,
  auth: 4,
  notFound: 5,
  api: 6,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** An error that ends the CLI with a one-line message on stderr and a known exit code. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode,
  ) {
    super(message);
    this.name = "CliError";
  }
}

export class UsageError extends CliError {
  constructor(
    message: string,
    /** The command whose usage to point at (`pier help <command>`). */
    readonly command?: string,
  ) {
    super(message, EXIT.usage);
    this.name = "UsageError";
  }
}

/** More arguments than the command takes; main.ts turns it into "did you mean" when a subcommand is close. */
export class UnexpectedArgumentError extends UsageError {
  constructor(
    readonly argument: string,
    command: string,
  ) {
    super(`unexpected argument: ${argument}`, command);
    this.name = "UnexpectedArgumentError";
  }
}

/** The body of every API error answer: `{ error, message, fields? }`. */
export interface ApiErrorBody {
  error: string;
  message: string;
  fields?: { field: string; message: string }[];
}

/** The API answered with an error status. */
export class ApiError extends CliError {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody,
  ) {
    super(apiErrorMessage(status, body), exitCodeForStatus(status));
    this.name = "ApiError";
  }
}

export function exitCodeForStatus(status: number): ExitCode {
  if (status === 401) return EXIT.auth;
  if (status === 404) return EXIT.notFound;
  return EXIT.api;
}

function apiErrorMessage(status: number, body: ApiErrorBody): string {
  if (status === 401) return `the API refused the token (401): run pier login`;
  const detail = body.message || body.fields?.map((f) => `${f.field}: ${f.message}`).join("; ") || "no details";
  return `${detail} (${status} ${body.error})`;
}
