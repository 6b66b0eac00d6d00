import { createContext, type Command } from "./command.ts";
import { ALIASES, COMMANDS, GROUPS } from "./commands/index.ts";
import { printHelp } from "./commands/help.ts";
import { CliError, EXIT, UnexpectedArgumentError, UsageError, type ExitCode } from "./errors.ts";
import { info, print, printJson } from "./output.ts";
import { didYouMean } from "./suggest.ts";
import { VERSION } from "./version.ts";

/** Finds the command named by the first one or two words; the rest are its arguments. */
function findCommand(argv: string[]): { command: Command; args: string[] } | undefined {
  const [first, second] = argv;
  if (first === undefined) return undefined;
  if (second !== undefined) {
    const twoWords = ALIASES[`${first} ${second}`] ?? `${first} ${second}`;
    const command = COMMANDS.find((c) => c.name === twoWords);
    if (command) return { command, args: argv.slice(2) };
  }
  const command = COMMANDS.find((c) => c.name === first);
  return command ? { command, args: argv.slice(1) } : undefined;
}

export async function main(argv: string[]): Promise<ExitCode> {
  const [first] = argv;
  if (first === undefined || first === "--help" || first === "-h") {
    printHelp();
    return EXIT.ok;
  }
  if (first === "--version" || first === "-v") {
    if (argv.includes("--json")) printJson({ version: VERSION });
    else print(VERSION);
    return EXIT.ok;
  }
  if (first === "help") {
    if (printHelp(argv.slice(1))) return EXIT.ok;
    const topic = argv.slice(1).join(" ");
    const hint = didYouMean(
      topic,
      COMMANDS.map((c) => c.name),
    );
    throw new UsageError(`no command ${topic}${hint || ": see pier help"}`);
  }
  const found = findCommand(argv);
  if (!found) {
    const second = argv[1];
    if (first in GROUPS && (second === undefined || second.startsWith("-")))
      throw new UsageError(`pier ${first} needs a subcommand: ${GROUPS[first]}`, first);
    if (first in GROUPS)
      throw new UsageError(`unknown command ${first} ${second}${subcommandHint(first, second!)}`, first);
    const known = [...firstWords(), "help", "--version", "--help"];
    throw new UsageError(`unknown command ${first}${didYouMean(first, known) || ": see pier help"}`);
  }
  const { command, args } = found;
  // Flags after `--` belong to a remote command (pier run app -- ls -h), not to pier.
  const own = args.includes("--") ? args.slice(0, args.indexOf("--")) : args;
  if (own.includes("--help") || own.includes("-h")) {
    printHelp(command.name.split(" "));
    return EXIT.ok;
  }
  return (await command.run(args, createContext())) ?? EXIT.ok;
}

/** Every command's first word (`apps`, `deploy`, `env`…). */
const firstWords = () => COMMANDS.map((c) => c.name.split(" ")[0]!);

/** `pier apps creat x`: "apps" takes no such argument, but `apps create` is close to what was typed. */
function subcommandHint(group: string, typed: string): string {
  const subcommands = [...COMMANDS.map((c) => c.name), ...Object.keys(ALIASES)]
    .filter((name) => name.startsWith(`${group} `))
    .map((name) => name.slice(`${group} `.length));
  return didYouMean(typed, subcommands, (sub) => `pier ${group} ${sub}`);
}

function report(error: unknown): ExitCode {
  if (error instanceof UsageError) {
    const hint = error instanceof UnexpectedArgumentError ? subcommandHint(error.command ?? "", error.argument) : "";
    info(`pier: ${error.message}${hint}`);
    const exact = COMMANDS.filter((c) => c.name === error.command);
    const usage =
      exact.length > 0
        ? exact
        : COMMANDS.filter((c) => error.command !== undefined && c.name.startsWith(`${error.command} `));
    for (const c of usage) info(`usage: ${c.usage}`);
    if (usage.length === 0) info("usage: pier <command> [arguments] [options] (pier help lists them)");
    return error.exitCode;
  }
  if (error instanceof CliError) {
    info(`pier: ${error.message}`);
    return error.exitCode;
  }
  info(`pier: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  return EXIT.failed;
}

// `pier … | head` closes stdout early: that is not an error.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await main(process.argv.slice(2)).catch(report);
