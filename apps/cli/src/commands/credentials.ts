import { readFile } from "node:fs/promises";
import { COMMON_OPTIONS, parseCommand, requirePositionals, type Command } from "../command.ts";
import { UsageError } from "../errors.ts";
import { age, dim, info, print, printJson } from "../output.ts";
import { askOnce } from "../prompt.ts";

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) return (await askOnce("Token: ", { hidden: true })) ?? "";
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8").trim();
}

export const credentials: Command = {
  name: "credentials",
  usage: "pier credentials <app> [--json]",
  summary: "The app's repository credential for a private repository: its kind and hint, never the secret",
  async run(args, context) {
    const { values, positionals } = parseCommand("credentials", {
      args,
      options: COMMON_OPTIONS,
      allowPositionals: true,
      strict: true,
    });
    const [app] = requirePositionals("credentials", positionals, ["app"]) as [string];
    const result = await (await context.client()).getCredential(app);
    if (values.json) return printJson(result);
    const { credential } = result;
    if (!credential)
      return print(
        `${app} clones anonymously (or with the GitHub App): pier credentials set ${app} --token-stdin ` +
          "or --deploy-key <file>",
      );
    const kind = credential.kind === "TOKEN" ? "token" : "deploy key";
    print(`${app}: ${kind} ${credential.hint}, set ${age(credential.updatedAt)} ago`);
  },
};

export const credentialsSet: Command = {
  name: "credentials set",
  usage: "pier credentials set <app> (--token-stdin | --deploy-key <file>) [--json]",
  summary: "Set the app's repository credential: a token (HTTPS) or an SSH deploy key (ssh URLs)",
  details: [
    "--token-stdin reads the token from stdin (asks for it, hidden, on a terminal): it never sits in your shell",
    "history or the process list. --deploy-key reads an SSH private key without a passphrase from a file; its",
    "public half goes to the repository's deploy keys. The secret is never shown again.",
  ],
  async run(args, context) {
    const { values, positionals } = parseCommand("credentials set", {
      args,
      options: { ...COMMON_OPTIONS, "token-stdin": { type: "boolean" }, "deploy-key": { type: "string" } },
      allowPositionals: true,
      strict: true,
    });
    const [app] = requirePositionals("credentials set", positionals, ["app"]) as [string];
    const file = values["deploy-key"];
    if ((values["token-stdin"] === true) === (file !== undefined))
      throw new UsageError("give one of --token-stdin and --deploy-key <file>", "credentials set");
    let input: { token: string } | { deployKey: string };
    if (file !== undefined) {
      const deployKey = await readFile(file, "utf8").catch((error: NodeJS.ErrnoException) => {
        throw new UsageError(`--deploy-key: can't read ${file} (${error.code ?? error.message})`, "credentials set");
      });
      input = { deployKey };
    } else {
      const token = await readStdin();
      if (!token) throw new UsageError("--token-stdin: stdin gave no token", "credentials set");
      input = { token };
    }
    const result = await (await context.client()).setCredential(app, input);
    if (values.json) return printJson(result);
    const kind = result.credential?.kind === "TOKEN" ? "token" : "deploy key";
    print(`Set ${app}'s ${kind} (${result.credential?.hint}).`);
    info(dim("The next deploy clones with it.", process.stderr));
  },
};

export const credentialsRemove: Command = {
  name: "credentials rm",
  usage: "pier credentials rm <app> [--json]",
  summary: "Remove the app's repository credential",
  async run(args, context) {
    const { values, positionals } = parseCommand("credentials rm", {
      args,
      options: COMMON_OPTIONS,
      allowPositionals: true,
      strict: true,
    });
    const [app] = requirePositionals("credentials rm", positionals, ["app"]) as [string];
    const result = await (await context.client()).removeCredential(app);
    if (values.json) return printJson(result);
    print(`Removed ${app}'s repository credential.`);
  },
};
