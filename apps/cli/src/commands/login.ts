import { ApiClient } from "../api-client.ts";
import { COMMON_OPTIONS, parseCommand, requirePositionals, type Command } from "../command.ts";
import { DEFAULT_API_URL, normalizeUrl, readConfig, writeConfig } from "../config-store.ts";
import { ApiError, CliError, EXIT, UsageError } from "../errors.ts";
import { dim, info, print, printJson } from "../output.ts";
import { Prompter } from "../prompt.ts";

export const login: Command = {
  name: "login",
  usage: "pier login [--url URL] [--token TOKEN]",
  summary: "Save the API URL and token (asks for what is not given), after checking them",
  details: [
    "The token is checked with GET /api/apps, then saved to $XDG_CONFIG_HOME/pier/config.json",
    "(~/.config/pier/config.json by default), readable by you only.",
    "PIER_API_URL and PIER_TOKEN, when set, override the saved values.",
  ],
  async run(args, context) {
    const { values, positionals } = parseCommand("login", {
      args,
      options: { ...COMMON_OPTIONS, url: { type: "string" }, token: { type: "string" } },
      allowPositionals: true,
      strict: true,
    });
    requirePositionals("login", positionals, []);
    const saved = await readConfig(context.env);
    const fallbackUrl = context.env.PIER_API_URL?.trim() || saved.url || DEFAULT_API_URL;

    let url = values.url;
    let token = values.token;
    if (url === undefined || token === undefined) {
      const prompter = new Prompter();
      try {
        if (url === undefined) url = (await prompter.ask(`Pier API URL [${fallbackUrl}]: `)) || fallbackUrl;
        if (token === undefined) token = await prompter.ask("API token: ", { hidden: true });
      } finally {
        prompter.close();
      }
    }
    if (!token) throw new UsageError("no token given", "login");
    url = normalizeUrl(url);

    const client = new ApiClient(url, token);
    let appCount: number;
    try {
      appCount = (await client.listApps()).apps.length;
    } catch (error) {
      if (error instanceof ApiError && error.status === 401)
        throw new CliError(`the API at ${url} refused this token (401)`, EXIT.auth);
      throw error;
    }
    const path = await writeConfig({ url, token }, context.env);

    if (values.json) {
      printJson({ url, configPath: path, apps: appCount });
    } else {
      print(`Logged in to ${url} (${appCount} app${appCount === 1 ? "" : "s"}).`);
      print(dim(`Saved to ${path}`));
    }
    if (context.env.PIER_TOKEN?.trim() || context.env.PIER_API_URL?.trim()) {
      info("note: PIER_API_URL / PIER_TOKEN are set in this shell and override the saved login.");
    }
  },
};
