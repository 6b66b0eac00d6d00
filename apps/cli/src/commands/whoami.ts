import { COMMON_OPTIONS, parseCommand, requirePositionals, type Command } from "../command.ts";
import { configPath } from "../config-store.ts";
import { bold, dim, print, printJson } from "../output.ts";
import type { ResponseOf } from "../types.ts";

export type MeDto = ResponseOf<"/api/me", "get">;

/** "expires 2027-03-01 (in 84 days)", "never expires". */
function expiry(expiresAt: string | null, now = Date.now()): string {
  if (!expiresAt) return "never expires";
  const days = Math.ceil((new Date(expiresAt).getTime() - now) / 86_400_000);
  return `expires ${expiresAt.slice(0, 10)} (in ${days} day${days === 1 ? "" : "s"})`;
}

export const whoami: Command = {
  name: "whoami",
  usage: "pier whoami [--json]",
  summary: "Show who the API takes you for: the token's name, scopes and expiry, and which API",
  details: [
    "Asks GET /api/me with the token in use: PIER_TOKEN when set, else the one pier login saved.",
    "Exit 4 when the API refuses the token (run pier login), 3 when it can't be reached.",
  ],
  async run(args, context) {
    const { values, positionals } = parseCommand("whoami", {
      args,
      options: COMMON_OPTIONS,
      allowPositionals: true,
      strict: true,
    });
    requirePositionals("whoami", positionals, []);
    const client = await context.client();
    const me = await client.request<MeDto>("GET", "/api/me");
    const tokenFrom = context.env.PIER_TOKEN?.trim() ? "PIER_TOKEN" : configPath(context.env);
    if (values.json) return printJson({ ...me, connection: { url: client.baseUrl, tokenFrom } });
    const who = me.kind === "token" ? `token ${bold(me.name)}` : bold(me.name);
    print(`${who} on ${client.baseUrl}`);
    print(`  ${dim("scopes")}      ${me.scopes.join(", ")}${me.manageTokens ? " (and may manage tokens)" : ""}`);
    if (me.kind === "token") print(`  ${dim("expiry")}      ${expiry(me.expiresAt)}`);
    print(`  ${dim("token from")}  ${tokenFrom}`);
    if (me.apiUrl !== client.baseUrl) print(`  ${dim("public URL")}  ${me.apiUrl} (as the API names itself)`);
  },
};
