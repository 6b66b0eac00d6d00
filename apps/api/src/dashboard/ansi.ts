import { html, type Html } from "./html.ts";

/**
 * Terminal escape codes in build and runtime logs. Colours (SGR, `ESC[…m`) become CSS classes; every other
 * sequence (cursor moves, line erases, window titles) means nothing on a page and is dropped.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching the escape character is the point
const ESCAPES = /\u001b\[([0-9;:?]*)([ -/]*[@-~])|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[@-Z\\-_]?/g;

/** The eight colours of a terminal; 30–37 and their bright variants 90–97 share a class. */
const COLOURS = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"] as const;

export interface AnsiStyle {
  colour: (typeof COLOURS)[number] | null;
  bold: boolean;
  dim: boolean;
  underline: boolean;
}

export interface AnsiSegment {
  text: string;
  style: AnsiStyle;
}

const PLAIN: AnsiStyle = { colour: null, bold: false, dim: false, underline: false };

/** The text without any escape sequence. */
export function stripAnsi(text: string): string {
  return text.replace(ESCAPES, "");
}

/** The style after one SGR sequence's parameters ("1;31", "0", "38;5;208"). */
export function applySgr(style: AnsiStyle, parameters: string): AnsiStyle {
  const codes = parameters === "" ? [0] : parameters.split(/[;:]/).map((p) => (p === "" ? 0 : Number(p)));
  let next = { ...style };
  for (let i = 0; i < codes.length; i++) {
    const code = codes[i]!;
    if (code === 0) next = { ...PLAIN };
    else if (code === 1) next.bold = true;
    else if (code === 2) next.dim = true;
    else if (code === 4) next.underline = true;
    else if (code === 22) next = { ...next, bold: false, dim: false };
    else if (code === 24) next.underline = false;
    else if (code === 39) next.colour = null;
    else if (code >= 30 && code <= 37) next.colour = COLOURS[code - 30]!;
    else if (code >= 90 && code <= 97) next.colour = COLOURS[code - 90]!;
    // 256-colour and true-colour forms carry 1 or 3 more numbers: skipped, the text keeps its colour.
    else if (code === 38 || code === 48) i += codes[i + 1] === 5 ? 2 : codes[i + 1] === 2 ? 4 : 0;
  }
  return next;
}

/** The text cut where its style changes; sequences other than colours dropped. */
export function ansiSegments(text: string): AnsiSegment[] {
  const segments: AnsiSegment[] = [];
  let style = PLAIN;
  let at = 0;
  const push = (chunk: string) => {
    if (chunk === "") return;
    const last = segments[segments.length - 1];
    if (last && sameStyle(last.style, style)) last.text += chunk;
    else segments.push({ text: chunk, style });
  };
  for (const match of text.matchAll(ESCAPES)) {
    push(text.slice(at, match.index));
    at = match.index + match[0].length;
    if (match[2] === "m") style = applySgr(style, match[1] ?? "");
  }
  push(text.slice(at));
  return segments;
}

const sameStyle = (a: AnsiStyle, b: AnsiStyle) =>
  a.colour === b.colour && a.bold === b.bold && a.dim === b.dim && a.underline === b.underline;

function classesOf(style: AnsiStyle): string {
  return [
    style.colour ? `c-${style.colour}` : "",
    style.bold ? "c-bold" : "",
    style.dim ? "c-dim" : "",
    style.underline ? "c-under" : "",
  ]
    .filter(Boolean)
    .join(" ");
}

/** A log line for the page: coloured text in spans (`c-red`, `c-bold`, …), everything escaped. */
export function ansiToHtml(text: string): Html {
  return html`${ansiSegments(text).map(({ text: chunk, style }) => {
    const classes = classesOf(style);
    return classes ? html`<span class="${classes}">${chunk}</span>` : chunk;
  })}`;
}
