/**
 * Shell completion scripts, generated from the command table (commands/index.ts), so a command added there is
 * completed without anyone remembering to. They complete command names, subcommands, each command's options (read
 * from its usage line) and fixed choices such as `bash|zsh|fish`.
 */
import type { Command } from "./command.ts";

export const SHELLS = ["bash", "zsh", "fish"] as const;
export type Shell = (typeof SHELLS)[number];

interface Word {
  name: string;
  summary: string;
}

/** What the scripts complete, derived from the commands. */
export interface CompletionTable {
  commands: Word[];
  /** First word → its subcommands (`apps` → create, show…). */
  subcommands: Map<string, Word[]>;
  /** Full command name → its options (`--wait`, `--json`, …). */
  options: Map<string, string[]>;
  /** Full command name → the fixed values of its next positional (`completion` → bash, zsh, fish). */
  choices: Map<string, string[]>;
}

const COMMON = ["--json", "--help"];
/** A positional with fixed values in a usage line: `bash|zsh|fish`, `[on|off]`. */
const CHOICE = /^\[?([a-z]+(?:\|[a-z]+)+)\]?$/;

function usageFacts(command: Command): { options: string[]; choices: string[] } {
  const tokens = command.usage.split(/\s+/).slice(1 + command.name.split(" ").length);
  const options = [...new Set([...(command.usage.match(/--[a-z][a-z0-9-]*/g) ?? []), ...COMMON])];
  const choiceToken = tokens.find((token, i) => CHOICE.test(token) && !tokens[i - 1]?.replace("[", "").startsWith("-"));
  return { options, choices: choiceToken ? CHOICE.exec(choiceToken)![1]!.split("|") : [] };
}

export function completionTable(commands: readonly Command[], extra: Word[] = []): CompletionTable {
  const table: CompletionTable = { commands: [], subcommands: new Map(), options: new Map(), choices: new Map() };
  const seen = new Set<string>();
  for (const command of commands) {
    const [first, second] = command.name.split(" ") as [string, string | undefined];
    if (!seen.has(first)) table.commands.push({ name: first, summary: second ? "" : command.summary });
    else if (!second) table.commands.find((w) => w.name === first)!.summary = command.summary;
    seen.add(first);
    if (second)
      table.subcommands.set(first, [
        ...(table.subcommands.get(first) ?? []),
        { name: second, summary: command.summary },
      ]);
    const { options, choices } = usageFacts(command);
    table.options.set(command.name, options);
    if (choices.length) table.choices.set(command.name, choices);
  }
  for (const word of table.commands.filter((w) => w.summary === ""))
    word.summary = `Subcommands: ${names(table.subcommands.get(word.name) ?? []).replaceAll(" ", ", ")}`;
  table.commands.push(...extra);
  table.subcommands.set(
    "help",
    table.commands.filter((w) => w.name !== "help"),
  );
  return table;
}

/** A shell word in single quotes: the same text in bash, zsh and fish. */
const quote = (text: string) => `'${text.replaceAll("\\", "\\\\").replaceAll("'", `'\\''`)}'`;
const fishQuote = (text: string) => `'${text.replaceAll("\\", "\\\\").replaceAll("'", "\\'")}'`;
const names = (words: Word[]) => words.map((w) => w.name).join(" ");

/** `case` arms: `  "apps create") words="--repo --json" ;;`. */
function arms(entries: Iterable<[string, string[]]>, variable: string, indent: string): string[] {
  return [...entries].map(([name, words]) => `${indent}${JSON.stringify(name)}) ${variable}="${words.join(" ")}" ;;`);
}

/** The two-word commands as a case pattern ("apps create"|"apps show"|…), for telling them from a first word. */
function twoWordPattern(table: CompletionTable): string {
  const pairs = [...table.subcommands].filter(([first]) => first !== "help");
  return pairs.flatMap(([first, subs]) => subs.map((s) => JSON.stringify(`${first} ${s.name}`))).join("|");
}

function bashScript(table: CompletionTable): string {
  const subs = [...table.subcommands].map(([first, words]): [string, string[]] => [first, words.map((w) => w.name)]);
  const firstChoices = [...table.choices].filter(([name]) => !name.includes(" "));
  return [
    "# pier completion for bash. Now: source <(pier completion bash)",
    "# Every shell: pier completion bash > ~/.local/share/bash-completion/completions/pier",
    "_pier() {",
    `  local cur="\${COMP_WORDS[COMP_CWORD]}" command="\${COMP_WORDS[1]}" words=""`,
    `  case "\${COMP_WORDS[1]} \${COMP_WORDS[2]}" in`,
    `    ${twoWordPattern(table)}) [[ $COMP_CWORD -gt 2 ]] && command="\${COMP_WORDS[1]} \${COMP_WORDS[2]}" ;;`,
    "  esac",
    "  if [[ $COMP_CWORD -eq 1 ]]; then",
    `    words="${names(table.commands)}"`,
    '  elif [[ "$cur" == -* ]]; then',
    '    case "$command" in',
    ...arms(table.options, "words", "      "),
    `      *) words="${COMMON.join(" ")}" ;;`,
    "    esac",
    "  elif [[ $COMP_CWORD -eq 2 ]]; then",
    '    case "$command" in',
    ...arms(subs, "words", "      "),
    ...arms(firstChoices, "words", "      "),
    "    esac",
    "  else",
    '    case "$command" in',
    ...arms(table.choices, "words", "      "),
    "    esac",
    "  fi",
    '  COMPREPLY=($(compgen -W "$words" -- "$cur"))',
    "}",
    "complete -F _pier pier",
    "",
  ].join("\n");
}

/** zsh `_describe` entries: 'name:summary'. */
const described = (words: Word[]) => words.map((w) => quote(`${w.name.replaceAll(":", "\\:")}:${w.summary}`)).join(" ");

function zshScript(table: CompletionTable): string {
  const choiceArms = (entries: Iterable<[string, string[]]>) =>
    [...entries].map(([name, words]) => `      ${JSON.stringify(name)}) entries=(${words.join(" ")}) ;;`);
  return [
    "#compdef pier",
    "# pier completion for zsh. Now: source <(pier completion zsh)",
    '# Every shell: pier completion zsh > "$fpath[1]/_pier" (then restart zsh)',
    "_pier() {",
    '  local command="$words[2]"',
    "  local -a entries",
    '  case "$words[2] $words[3]" in',
    `    ${twoWordPattern(table)}) (( CURRENT > 3 )) && command="$words[2] $words[3]" ;;`,
    "  esac",
    "  if (( CURRENT == 2 )); then",
    `    entries=(${described(table.commands)})`,
    "    _describe -t commands 'pier command' entries",
    '  elif [[ "$words[CURRENT]" == -* ]]; then',
    '    case "$command" in',
    ...choiceArms(table.options),
    `      *) entries=(${COMMON.join(" ")}) ;;`,
    "    esac",
    "    compadd -- $entries",
    "  else",
    '    case "$command" in',
    ...[...table.subcommands].map(([first, subs]) => `      ${JSON.stringify(first)}) entries=(${described(subs)}) ;;`),
    "    esac",
    "    (( CURRENT == 3 && $#entries )) && _describe -t subcommands 'pier subcommand' entries && return",
    "    entries=()",
    '    case "$command" in',
    ...choiceArms(table.choices),
    "    esac",
    "    (( $#entries )) && compadd -- $entries",
    "  fi",
    "}",
    'if [ "$funcstack[1]" = "_pier" ]; then _pier "$@"; else compdef _pier pier; fi',
    "",
  ].join("\n");
}

function fishScript(table: CompletionTable): string {
  const lines = [
    "# pier completion for fish. Now: pier completion fish | source",
    "# Every shell: pier completion fish > ~/.config/fish/completions/pier.fish",
    "complete -c pier -f",
  ];
  for (const word of table.commands)
    lines.push(`complete -c pier -n __fish_use_subcommand -a ${word.name} -d ${fishQuote(word.summary)}`);
  for (const [first, subs] of table.subcommands) {
    const when = `__fish_seen_subcommand_from ${first}; and not __fish_seen_subcommand_from ${names(subs)}`;
    for (const sub of subs) lines.push(`complete -c pier -n '${when}' -a ${sub.name} -d ${fishQuote(sub.summary)}`);
  }
  for (const [name, options] of table.options) {
    const when = name
      .split(" ")
      .map((word) => `__fish_seen_subcommand_from ${word}`)
      .join("; and ");
    for (const option of options) lines.push(`complete -c pier -n '${when}' -l ${option.slice(2)}`);
  }
  for (const [name, choices] of table.choices) {
    const when = name
      .split(" ")
      .map((word) => `__fish_seen_subcommand_from ${word}`)
      .join("; and ");
    lines.push(`complete -c pier -n '${when}' -a '${choices.join(" ")}'`);
  }
  return `${lines.join("\n")}\n`;
}

export function completionScript(shell: Shell, table: CompletionTable): string {
  if (shell === "bash") return bashScript(table);
  if (shell === "zsh") return zshScript(table);
  return fishScript(table);
}
