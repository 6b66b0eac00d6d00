import { createInterface, type Interface } from "node:readline";
import { Writable } from "node:stream";

/** Questions on stderr, answers from stdin; hidden answers are not echoed (on a TTY). Works with piped stdin too. */
export class Prompter {
  private muted = false;
  private readonly rl: Interface;
  private readonly lines: AsyncIterator<string>;

  constructor(
    private readonly input: NodeJS.ReadStream = process.stdin,
    private readonly output: NodeJS.WriteStream = process.stderr,
  ) {
    const sink = new Writable({
      write: (chunk: Buffer, _encoding, callback) => {
        if (!this.muted) this.output.write(chunk);
        callback();
      },
    });
    this.rl = createInterface({ input, output: sink, terminal: input.isTTY === true });
    this.lines = this.rl[Symbol.asyncIterator]();
  }

  async ask(question: string, options: { hidden?: boolean } = {}): Promise<string | undefined> {
    this.output.write(question);
    this.muted = options.hidden === true && this.input.isTTY === true;
    try {
      const next = await this.lines.next();
      return next.done ? undefined : next.value.trim();
    } finally {
      if (this.muted) this.output.write("\n");
      this.muted = false;
    }
  }

  close(): void {
    this.rl.close();
  }
}

/** Asks one question (see Prompter.ask) and lets go of stdin; undefined when the input ends first. */
export async function askOnce(question: string, options: { hidden?: boolean } = {}): Promise<string | undefined> {
  const prompter = new Prompter();
  try {
    return await prompter.ask(question, options);
  } finally {
    prompter.close();
  }
}
