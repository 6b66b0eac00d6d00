import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import { startCliApi, type CliApi } from "./cli-api.ts";

describe("pier tokens and pier audit", () => {
  let cli: CliApi;
  const name = `cli-audit-${randomBytes(3).toString("hex")}`;
  /** Runs the CLI with the admin token, or with `token`. */
  const pier = (args: string[], token?: string) => cli.pier(args, token ? { env: { PIER_TOKEN: token } } : {});

  beforeAll(async () => {
    cli = await startCliApi(name, "pier-cli-");
  });
  afterAll(() => cli?.close());

  it("creates a scoped, expiring token, prints its value once on stdout; it deploys but can't set env", async () => {
    const created = await pier(["tokens", "create", `ci-${name}`, "--scope", "deploy", "--expires-in-days", "30"]);
    expect(created.code, created.stderr).toBe(0);
    const token = created.stdout.trim();
    expect(token).toMatch(/^pier_[a-z0-9]{40}$/);
    expect(created.stderr).toMatch(
      new RegExp(`Created token ci-${name} \\(deploy, expires \\d{4}-\\d\\d-\\d\\d, id [a-z0-9]+\\)`),
    );

    const listed = await pier(["tokens", "list"]);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(new RegExp(`ci-${name} +deploy +pier_\\w+ +\\d{4}-\\d\\d-\\d\\d +\\S+ +active`));
    expect(listed.stdout).not.toContain(token);

    const shown = await pier(["apps", "show", name], token);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toMatch(/webhook secret +\(hidden: needs a token with the admin scope\)/);
    expect((await pier(["deploy", name], token)).code).toBe(0);
    const refused = await pier(["env", "set", name, "KEY=value"], token);
    expect(refused.code).toBe(6);
    expect(refused.stderr).toMatch(/needs the admin scope; token "ci-.*" has deploy.*\(403 forbidden\)/);
  });

  it("refuses a bad scope before asking, and names the field the API refused", async () => {
    const bad = await pier(["tokens", "create", "x", "--scope", "write"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--scope must be read, deploy or admin, not "write"');
    expect((await pier(["tokens", "create", "x"])).stderr).toContain("missing --scope");
    const tooLong = await pier(["tokens", "create", "x", "--scope", "read", "--expires-in-days", "5000"]);
    expect(tooLong.code).toBe(6);
    expect(tooLong.stderr).toContain("expiresInDays");
  });

  it("pier audit lists an app's changes, newest first, with who did them", async () => {
    const res = await pier(["audit", "--app", name]);
    expect(res.code, res.stderr).toBe(0);
    const lines = res.stdout.trim().split("\n");
    expect(lines[0]).toMatch(/^AGE +WHO +WHAT +APP +STATUS +CHANGED$/);
    expect(lines[1]).toMatch(new RegExp(`ci-${name} \\(token\\) +PUT /api/apps/:name/env +${name} +403 +-$`));
    expect(lines[2]).toMatch(new RegExp(`ci-${name} \\(token\\) +POST /api/apps/:name/deploy +${name} +202 +-$`));
    // Creating the app names it too, though the name is in the body; what it changed: the app, from none.
    expect(lines[3]).toMatch(new RegExp(`admin token +POST /api/apps +${name} +201 +app: none → ${name}$`));
    expect(lines).toHaveLength(4);
    const json = await pier(["audit", "--app", name, "--limit", "1", "--json"]);
    expect(JSON.parse(json.stdout).events).toHaveLength(1);
    const tokenRefused = await pier(
      ["audit"],
      (await pier(["tokens", "create", `r-${name}`, "--scope", "read"])).stdout.trim(),
    );
    expect(tokenRefused.code).toBe(6);
    expect(tokenRefused.stderr).toContain("needs the admin scope");
  });
});
