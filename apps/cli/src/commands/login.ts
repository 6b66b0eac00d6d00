import { ApiClient } from "../api-client.ts";
import { COMMON_OPTIONS, parseCommand, requirePositionals, type Command } from "../command.ts";
import { configPath, DEFAULT_API_URL, normalizeUrl, readConfig, writeConfig } from "../config-store.ts";
import { ApiError, CliError, EXIT, UsageError } from "../errors.ts";
import { dim, info, print, printJson } from "../output.ts";
import { Prompter } from "../prompt.ts";
import type { MeDto } from "./whoami.ts";

export const login: Command = {
  name: "login",
  usage: "pier login [--url URL] [--token TOKEN] [--json]",
  summary: "Save the API URL and token (asks for what is not given), after checking them",
  details: [
    "The token is checked with GET /api/me, then saved to $XDG_CONFIG_HOME/pier/config.json",
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
    let me: MeDto;
    try {
      me = await client.request<MeDto>("GET", "/api/me");
    } catch (error) {
      if (error instanceof ApiError && error.status === 401)
        throw new CliError(`the API at ${url} refused this token (401)`, EXIT.auth);
      throw error;
    }
    const path = await writeConfig({ url, token }, context.env);

    if (values.json) {
      printJson({ url, configPath: path, name: me.name, scopes: me.scopes });
    } else {
      print(`Logged in to ${url} as ${me.kind === "token" ? `token ${me.name}` : me.name} (${me.scopes.join(", ")}).`);
      print(dim(`Saved to ${path}`));
    }
    if (context.env.PIER_TOKEN?.trim() || context.env.PIER_API_URL?.trim()) {
      info("note: PIER_API_URL / PIER_TOKEN are set in this shell and override the saved login.");
    }
  },
};

export const logout: Command = {
  name: "logout",
  usage: "pier logout [--json]",
  summary: "Forget the token pier login saved (the API URL stays, for the next login)",
  details: ["The token itself keeps working until an admin revokes it: pier tokens revoke <id>."],
  async run(args, context) {
    const { values, positionals } = parseCommand("logout", {
      args,
      options: COMMON_OPTIONS,
      allowPositionals: true,
      strict: true,
    });
    requirePositionals("logout", positionals, []);
    const { token, ...rest } = await readConfig(context.env);
    const path = configPath(context.env);
    if (token !== undefined) await writeConfig(rest, context.env);
    const stillSet = Boolean(context.env.PIER_TOKEN?.trim());
    if (values.json) return printJson({ configPath: path, forgot: token !== undefined, tokenInEnvironment: stillSet });
    print(token === undefined ? `No saved token in ${path}.` : `Forgot the token saved in ${path}.`);
    if (stillSet) info("note: PIER_TOKEN is set in this shell: commands still use it until you unset it.");
  },
};
