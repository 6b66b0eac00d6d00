import { COMMON_OPTIONS, parseCommand, requirePositionals, type Command } from "../command.ts";
import { UsageError } from "../errors.ts";
import { age, bold, dim, info, print, printJson, table } from "../output.ts";
import type { TokenDto, TokenScope } from "../types.ts";

/** Each scope allows what the lower ones do. Every scope the API knows is ranked, or the type check fails. */
const RANK = { read: 0, deploy: 1, admin: 2 } satisfies Record<TokenScope, number>;
const SCOPES = (Object.keys(RANK) as TokenScope[]).sort((a, b) => RANK[a] - RANK[b]);

/** The scope a token acts with: the highest it was given. */
const scopeOf = (token: TokenDto) => [...SCOPES].reverse().find((s) => token.scopes.includes(s)) ?? "read";
const expiry = (token: TokenDto) => (token.expiresAt ? token.expiresAt.slice(0, 10) : "never");

export const tokensCreate: Command = {
  name: "tokens create",
  usage: "pier tokens create <name> --scope read|deploy|admin [--expires-in-days N] [--json]",
  summary: "Create a named API token (its value is shown once); needs the admin token",
  details: [
    "read: GET only, no secrets. deploy: also deploy, rollback, promote and scale. " +
      "admin: everything but managing tokens.",
    "Without --expires-in-days (1 to 3650) the token never expires; revoke it with pier tokens revoke <id>.",
  ],
  async run(args, context) {
    const { values, positionals } = parseCommand("tokens create", {
      args,
      options: { ...COMMON_OPTIONS, scope: { type: "string" }, "expires-in-days": { type: "string" } },
      allowPositionals: true,
      strict: true,
    });
    const [name] = requirePositionals("tokens create", positionals, ["name"]) as [string];
    const scope = values.scope as TokenScope | undefined;
    if (!scope) throw new UsageError("missing --scope (read, deploy or admin)", "tokens create");
    if (!SCOPES.includes(scope))
      throw new UsageError(`--scope must be read, deploy or admin, not "${scope}"`, "tokens create");
    const days = values["expires-in-days"];
    if (days !== undefined && !/^\d+$/.test(days))
      throw new UsageError(`--expires-in-days must be a whole number of days, not "${days}"`, "tokens create");
    const created = await (await context.client()).createToken({
      name,
      scopes: [scope],
      ...(days !== undefined ? { expiresInDays: Number(days) } : {}),
    });
    if (values.json) return printJson(created);
    info(
      `Created token ${bold(created.name, process.stderr)} (${scope}, expires ${expiry(created)}, id ${created.id}). ` +
        "Its value, shown only this once:",
    );
    print(created.token);
    info(dim("Use it as PIER_TOKEN, or with pier login.", process.stderr));
  },
};

export const tokensList: Command = {
  name: "tokens list",
  usage: "pier tokens list [--json]",
  summary: "List API tokens (never their values); needs the admin token",
  async run(args, context) {
    const { values } = parseCommand("tokens list", { args, options: COMMON_OPTIONS, strict: true });
    const result = await (await context.client()).listTokens();
    if (values.json) return printJson(result);
    if (result.tokens.length === 0) return print("No API tokens yet: pier tokens create <name> --scope read");
    print(
      table(
        ["ID", "NAME", "SCOPE", "PREFIX", "EXPIRES", "LAST USED", "STATE"],
        result.tokens.map((t) => [
          t.id,
          t.name,
          scopeOf(t),
          t.prefix,
          expiry(t),
          t.lastUsedAt ? `${age(t.lastUsedAt)} ago` : "-",
          t.revokedAt ? "revoked" : t.expiresAt && Date.parse(t.expiresAt) <= Date.now() ? "expired" : "active",
        ]),
      ),
    );
  },
};

export const tokensRevoke: Command = {
  name: "tokens revoke",
  usage: "pier tokens revoke <id> [--json]",
  summary: "Revoke an API token at once; needs the admin token",
  async run(args, context) {
    const { values, positionals } = parseCommand("tokens revoke", {
      args,
      options: COMMON_OPTIONS,
      allowPositionals: true,
      strict: true,
    });
    const [id] = requirePositionals("tokens revoke", positionals, ["id"]) as [string];
    const revoked = await (await context.client()).revokeToken(id);
    if (values.json) return printJson(revoked);
    print(`Revoked ${bold(revoked.name)} (${revoked.prefix}…).`);
  },
};
