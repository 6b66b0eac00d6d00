import { randomBytes } from "node:crypto";
import { rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { COMMON_OPTIONS, parseCommand, requirePositionals, type Command } from "../command.ts";
import { CliError, EXIT, UsageError } from "../errors.ts";
import { dim, info, print, printJson } from "../output.ts";
import { parseTarget } from "./env.ts";

const COMMAND = "env pull";

/**
 * One line of a .env file that dotenv, docker compose and a shell read back as the same value: bare when
 * nothing in it needs quoting, single-quoted (taken literally) when it can be, else double-quoted with
 * newlines written as \n.
 */
export function dotenvLine(key: string, value: string): string {
  if (/^[\w./:@%+,=-]*$/.test(value)) return `${key}=${value}`;
  if (!/['\n\r]/.test(value)) return `${key}='${value}'`;
  const escaped = value.replaceAll("\\", "\\\\").replaceAll('"', '\\"').replaceAll("\n", "\\n").replaceAll("\r", "\\r");
  return `${key}="${escaped}"`;
}

/** Writes the file 0600, never over an existing one unless `force` (then atomically, through a temporary file). */
async function writeSecretFile(path: string, text: string, force: boolean): Promise<void> {
  if (!force) {
    try {
      await writeFile(path, text, { mode: 0o600, flag: "wx" });
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "EEXIST")
        throw new CliError(`${path} exists: pass --force to overwrite it`, EXIT.failed);
      throw error;
    }
  }
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(4).toString("hex")}.tmp`);
  try {
    await writeFile(temporary, text, { mode: 0o600, flag: "wx" });
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

export const envPull: Command = {
  name: COMMAND,
  usage: "pier env pull <app> [--target production|preview] [--file .env] [--force] [--json]",
  summary: "Write the app's env vars to a .env file (0600); needs a token with the admin scope",
  details: [
    "--target: the vars production deployments get (the default) or preview ones.",
    "It never overwrites a file unless --force. --json prints the file, the target and the keys (not the values).",
  ],
  async run(args, context) {
    const { values, positionals } = parseCommand(COMMAND, {
      args,
      options: {
        ...COMMON_OPTIONS,
        target: { type: "string", short: "t" },
        file: { type: "string", short: "f" },
        force: { type: "boolean" },
      },
      allowPositionals: true,
      strict: true,
    });
    const [app] = requirePositionals(COMMAND, positionals, ["app"]) as [string];
    if (values.target === "all")
      throw new UsageError("--target must be production or preview: a key may differ between the two", COMMAND);
    const target = parseTarget(values.target, COMMAND) ?? "production";
    const file = resolve(values.file ?? ".env");
    // The values come only from the API's reveal (admin scope): a masked list would write useless files.
    const env = await (await context.client()).listEnv(app, true);
    const vars = env.vars.filter((v) => v.targets.includes(target)).sort((a, b) => a.key.localeCompare(b.key));
    const text = vars.map((v) => `${dotenvLine(v.key, v.value)}\n`).join("");
    await writeSecretFile(file, `# ${app} (${target}), written by pier env pull\n${text}`, values.force === true);
    const keys = vars.map((v) => v.key);
    if (values.json) return printJson({ file, app, target, keys });
    print(`Wrote ${keys.length} ${target} var${keys.length === 1 ? "" : "s"} of ${app} to ${file}.`);
    info(dim("It holds secrets: keep it out of git (add it to .gitignore).", process.stderr));
  },
};
