import type { Command } from "../command.ts";
import { bold, print } from "../output.ts";
import { COMMANDS } from "./index.ts";

const EXIT_CODES: [string, string][] = [
  ["0", "ok"],
  ["1", "the operation failed (a deploy or followed log ended FAILED or CANCELLED)"],
  ["2", "usage error (unknown command or option, missing argument)"],
  ["3", "the Pier API is unreachable"],
  ["4", "authentication failed (401, or no token): run pier login"],
  ["5", "not found (404: unknown app, deployment or env var)"],
  ["6", "other API error (4xx/5xx, e.g. 409 nothing to roll back to, 403 the token lacks the scope)"],
];

const ENVIRONMENT: [string, string][] = [
  ["PIER_API_URL", "API URL, overrides the one saved by pier login (default http://127.0.0.1:3000)"],
  ["PIER_TOKEN", "API token, overrides the one saved by pier login"],
  ["XDG_CONFIG_HOME", "where pier/config.json is kept (default ~/.config)"],
  ["NO_COLOR", "no colors even on a terminal"],
  ["BROWSER", "the program pier open starts with the URL (default: open, start or xdg-open)"],
];

const columns = (rows: [string, string][]) => {
  const width = Math.max(...rows.map(([a]) => a.length));
  return rows.map(([a, b]) => `  ${a.padEnd(width)}  ${b}`).join("\n");
};

export function generalHelp(): string {
  const usageWidth = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    `${bold("pier")}: deploy and manage apps on a Pier platform`,
    "",
    "Usage: pier <command> [arguments] [options]",
    "       pier --version (or -v): the CLI's version",
    "",
    "Commands:",
    ...COMMANDS.map((c) => `  ${c.name.padEnd(usageWidth)}  ${c.summary}`),
    `  ${"help".padEnd(usageWidth)}  Show this help, or a command's: pier help <command>`,
    "",
    "Options of every command:",
    columns([
      ["--json", "print the API's JSON on stdout and nothing else (for scripts)"],
      ["-h, --help", "show the command's help"],
    ]),
    "",
    "Environment:",
    columns(ENVIRONMENT),
    "",
    "Exit codes:",
    columns(EXIT_CODES),
  ].join("\n");
}

export function commandHelp(command: Command): string {
  return [
    `Usage: ${command.usage}`,
    "",
    command.summary,
    ...(command.details?.length ? ["", ...command.details] : []),
  ].join("\n");
}

export function printHelp(topic: string[] = []): boolean {
  if (topic.length === 0) {
    print(generalHelp());
    return true;
  }
  const name = topic.join(" ");
  const matches = COMMANDS.filter((c) => c.name === name || c.name.startsWith(`${name} `));
  if (matches.length === 0) return false;
  print(matches.map(commandHelp).join("\n\n"));
  return true;
}
