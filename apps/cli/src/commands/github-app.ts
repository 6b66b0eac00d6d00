import { readFile } from "node:fs/promises";
import { COMMON_OPTIONS, parseCommand, type Command } from "../command.ts";
import { UsageError } from "../errors.ts";
import { age, dim, info, print, printJson } from "../output.ts";

export const githubApp: Command = {
  name: "github-app",
  usage: "pier github-app [--json]",
  summary: "The GitHub App Pier clones private GitHub repositories and reports to GitHub with (its id, never its key)",
  async run(args, context) {
    const { values } = parseCommand("github-app", { args, options: COMMON_OPTIONS, strict: true });
    const result = await (await context.client()).getGithubApp();
    if (values.json) return printJson(result);
    if (!result.configured) return print("No GitHub App: pier github-app set --app-id <id> --private-key <file.pem>");
    print(`GitHub App ${result.appId}, set ${result.updatedAt ? `${age(result.updatedAt)} ago` : ""}`.trim());
  },
};

export const githubAppSet: Command = {
  name: "github-app set",
  usage: "pier github-app set --app-id <id> --private-key <file.pem> [--json]",
  summary: "Configure the GitHub App: its numeric id and the private key GitHub gave you (a .pem file)",
  details: [
    "Installation tokens are minted from them for each clone and each call to GitHub, and never stored. The key is",
    "kept encrypted like env values and never shown again.",
  ],
  async run(args, context) {
    const { values } = parseCommand("github-app set", {
      args,
      options: { ...COMMON_OPTIONS, "app-id": { type: "string" }, "private-key": { type: "string" } },
      strict: true,
    });
    const appId = values["app-id"];
    const file = values["private-key"];
    if (!appId || !file) throw new UsageError("give --app-id <id> and --private-key <file.pem>", "github-app set");
    const privateKey = await readFile(file, "utf8").catch((error: NodeJS.ErrnoException) => {
      throw new UsageError(`--private-key: can't read ${file} (${error.code ?? error.message})`, "github-app set");
    });
    const result = await (await context.client()).setGithubApp({ appId, privateKey });
    if (values.json) return printJson(result);
    print(`GitHub App ${result.appId} configured.`);
    info(
      dim("Private GitHub repositories its installations cover clone with it from the next deploy.", process.stderr),
    );
  },
};

export const githubAppRemove: Command = {
  name: "github-app rm",
  usage: "pier github-app rm [--json]",
  summary: "Forget the GitHub App (apps fall back to their own credentials)",
  async run(args, context) {
    const { values } = parseCommand("github-app rm", { args, options: COMMON_OPTIONS, strict: true });
    const result = await (await context.client()).removeGithubApp();
    if (values.json) return printJson(result);
    print("Removed the GitHub App.");
  },
};
