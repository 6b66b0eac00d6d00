/** Everything the CLI prints: tables and text on stdout, progress and errors on stderr, raw JSON for scripts. */
import type { DeploymentStatus } from "./types.ts";

const useColor = (stream: NodeJS.WriteStream) =>
  stream.isTTY === true && !process.env.NO_COLOR && process.env.TERM !== "dumb";

const paint =
  (code: string) =>
  (text: string, stream: NodeJS.WriteStream = process.stdout) =>
    useColor(stream) ? `\x1b[${code}m${text}\x1b[0m` : text;
export const bold = paint("1");
export const dim = paint("2");
export const red = paint("31");
export const green = paint("32");
export const yellow = paint("33");
export const cyan = paint("36");

// biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI color codes start with ESC.
const ANSI = /\x1b\[[0-9;]*m/g;
const visibleLength = (text: string) => [...text.replace(ANSI, "")].length;

export function print(line = ""): void {
  process.stdout.write(`${line}\n`);
}

/** Progress, notes and errors: never on stdout, so `--json` output stays clean. */
export function info(line = ""): void {
  process.stderr.write(`${line}\n`);
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** Aligned columns with a header row; the last column is not padded. */
export function table(headers: string[], rows: string[][]): string {
  const all = [headers.map((h) => bold(h)), ...rows];
  const widths = headers.map((_, i) => Math.max(...all.map((row) => visibleLength(row[i] ?? ""))));
  return all
    .map((row) =>
      row
        .map((cell, i) => (i === row.length - 1 ? cell : cell + " ".repeat((widths[i] ?? 0) - visibleLength(cell))))
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}

export function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join("")}…`;
}

/** "5s", "3m", "2h", "4d" since an ISO date. */
export function age(iso: string, now = Date.now()): string {
  const seconds = Math.max(0, Math.round((now - new Date(iso).getTime()) / 1000));
  if (seconds < 60) return `${seconds}s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)}m`;
  if (seconds < 86_400) return `${Math.floor(seconds / 3600)}h`;
  return `${Math.floor(seconds / 86_400)}d`;
}

export function duration(ms: number): string {
  if (ms < 1000) return `${ms}ms`;
  const seconds = ms / 1000;
  if (seconds < 60) return `${seconds.toFixed(1)}s`;
  return `${Math.floor(seconds / 60)}m${String(Math.round(seconds % 60)).padStart(2, "0")}s`;
}

/** A color for every status the API answers: a new status fails the type check until it has one. */
const STATUS_COLORS = {
  QUEUED: yellow,
  BUILDING: yellow,
  DEPLOYING: yellow,
  READY: green,
  FAILED: red,
  CANCELLED: dim,
} satisfies Record<DeploymentStatus, (text: string, stream?: NodeJS.WriteStream) => string>;

export function colorStatus(status: DeploymentStatus, stream: NodeJS.WriteStream = process.stdout): string {
  return STATUS_COLORS[status](status, stream);
}

const FRAMES = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];

/**
 * A status line on stderr. On a TTY it animates in place; otherwise each new text is printed once
 * as its own line, so logs of CI runs stay readable.
 */
export class StatusLine {
  private text = "";
  private key = "";
  private frame = 0;
  private timer: NodeJS.Timeout | undefined;
  private readonly tty: boolean;

  constructor(private readonly stream: NodeJS.WriteStream = process.stderr) {
    this.tty = stream.isTTY === true;
  }

  /** `key` says what counts as a change worth a line when not on a TTY (default: the text). */
  update(text: string, key = text): void {
    if (!this.tty) {
      if (key !== this.key) this.stream.write(`${text}\n`);
      this.key = key;
      this.text = text;
      return;
    }
    this.text = text;
    this.render();
    if (!this.timer) {
      this.stream.write("\x1b[?25l");
      this.timer = setInterval(() => this.render(), 80);
      this.timer.unref();
    }
  }

  /** Other output while it animates: the status line is cleared first and drawn again below it. */
  above(write: () => void): void {
    if (this.timer) this.stream.write("\r\x1b[2K");
    write();
    if (this.timer) this.render();
  }

  /** Stops animating; `final` replaces the status line. */
  stop(final?: string): void {
    if (this.timer) {
      clearInterval(this.timer);
      this.timer = undefined;
      this.stream.write("\r\x1b[2K\x1b[?25h");
    }
    if (final !== undefined) this.stream.write(`${final}\n`);
    this.text = "";
    this.key = "";
  }

  private render(): void {
    this.frame = (this.frame + 1) % FRAMES.length;
    this.stream.write(`\r\x1b[2K${cyan(FRAMES[this.frame] ?? "", this.stream)} ${this.text}`);
  }
}
