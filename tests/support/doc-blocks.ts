import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The fenced blocks of Pier's Markdown, by the convention in docs/internals/layout.md: a ```sh block holds commands a
 * test runs, ```sh norun one it can't run, and any other info string (json, text) is no command.
 */
export interface DocBlock {
  /** Relative to the repository root, e.g. docs/user-guide/cli.md. */
  file: string;
  /** 1-based line of the opening fence. */
  line: number;
  /** The words after the fence: ["sh"], ["sh", "norun"], ["json"]. */
  info: string[];
  body: string;
}

export interface DocCommand {
  /** Where it is written, as `file:line`, for failure messages. */
  where: string;
  /** The command line as written, continuation lines joined, comment removed. */
  text: string;
  /** Its words, after shell-like quoting: ["pier", "run", "my-app", "--", "node", "-e", "console.log(1)"]. */
  argv: string[];
}

export const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** README.md, then every Markdown file under docs/, in a stable order. */
export function docFiles(root = REPO_ROOT): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const relative = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(relative);
      else if (entry.name.endsWith(".md")) found.push(relative);
    }
  };
  walk("docs");
  return ["README.md", ...found.sort()];
}

/** Every fenced block of one Markdown text (``` or ~~~ fences, as CommonMark; unclosed ones run to the end). */
export function extractBlocks(file: string, markdown: string): DocBlock[] {
  const blocks: DocBlock[] = [];
  const lines = markdown.split("\n");
  let open: { fence: string; line: number; info: string[]; body: string[] } | null = null;
  for (const [index, text] of lines.entries()) {
    if (open) {
      if (text.trim().startsWith(open.fence) && text.trim().replaceAll(open.fence[0]!, "") === "") {
        blocks.push({ file, line: open.line, info: open.info, body: open.body.join("\n") });
        open = null;
      } else open.body.push(text);
      continue;
    }
    const fence = /^\s{0,3}(`{3,}|~{3,})\s*(.*)$/.exec(text);
    if (fence)
      open = { fence: fence[1]!, line: index + 1, info: fence[2]!.trim().split(/\s+/).filter(Boolean), body: [] };
  }
  if (open) blocks.push({ file, line: open.line, info: open.info, body: open.body.join("\n") });
  return blocks;
}

/** Every fenced block of README.md and docs/. */
export function docBlocks(root = REPO_ROOT): DocBlock[] {
  return docFiles(root).flatMap((file) => extractBlocks(file, readFileSync(path.join(root, file), "utf8")));
}

export const isShell = (block: DocBlock) => block.info[0] === "sh" || block.info[0] === "bash";
/**
 * The e2e test that runs a ```sh run-by=<file> block itself (commands other than `pier`, such as scripts/backup.sh,
 * run against scratch state); null for other blocks.
 */
export const runBy = (block: DocBlock) => block.info.find((w) => w.startsWith("run-by="))?.slice(7) ?? null;
export const isRun = (block: DocBlock) => isShell(block) && !block.info.includes("norun") && runBy(block) === null;
export const isNorun = (block: DocBlock) => isShell(block) && block.info.includes("norun");

/**
 * The commands of a block: one per line (a trailing `\` continues it), blank lines skipped, a `#` comment after
 * whitespace removed.
 */
export function blockCommands(block: DocBlock): DocCommand[] {
  const commands: DocCommand[] = [];
  const lines = block.body.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const start = i;
    let text = lines[i]!;
    while (text.endsWith("\\") && i + 1 < lines.length) text = `${text.slice(0, -1).trimEnd()} ${lines[++i]!.trim()}`;
    const { words, rest } = splitWords(text);
    if (words.length === 0) continue;
    commands.push({ where: `${block.file}:${block.line + 1 + start}`, text: rest.trim(), argv: words });
  }
  return commands;
}

/**
 * Splits a command line as a POSIX shell would for plain words, '…' and "…" (no expansion), stopping at a `#`
 * that begins a word. `rest` is the line up to that comment.
 */
export function splitWords(line: string): { words: string[]; rest: string } {
  const words: string[] = [];
  let word: string | null = null;
  let quote: "'" | '"' | null = null;
  let i = 0;
  for (; i < line.length; i++) {
    const c = line[i]!;
    if (quote) {
      if (c === quote) quote = null;
      else word += c;
    } else if (c === "'" || c === '"') {
      quote = c;
      word ??= "";
    } else if (/\s/.test(c)) {
      if (word !== null) words.push(word);
      word = null;
    } else if (c === "#" && word === null) break;
    else word = (word ?? "") + c;
  }
  if (quote) throw new Error(`unclosed ${quote} in: ${line}`);
  if (word !== null) words.push(word);
  return { words, rest: line.slice(0, i) };
}
