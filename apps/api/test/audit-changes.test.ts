import type { FastifyInstance } from "fastify";
import { randomBytes } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cookieOf, postSignIn } from "../../../tests/support/dashboard-forms.ts";
import { testConfig } from "../../../tests/support/platform.ts";
import { buildApp } from "../src/build-app.ts";
import { diffAppSnapshots, type AppSnapshot } from "../src/services/audit-changes.ts";

interface AuditChange {
  field: string;
  from: string | number | boolean | null;
  to: string | number | boolean | null;
}

const MIGRATIONS = fileURLToPath(new URL("../../../prisma/migrations/", import.meta.url));

describe("the audit log records what a change changed; token names are unique", () => {
  let app: FastifyInstance;
  const config = testConfig();
  const admin = { authorization: `Bearer ${config.PIER_ADMIN_TOKEN}` };
  const name = `auc-${randomBytes(3).toString("hex")}`;
  const SECRET_VALUE = `s3cret-${randomBytes(6).toString("hex")}`;

  const call = (method: "POST" | "PATCH" | "PUT" | "DELETE", url: string, payload?: object) =>
    app.inject({ method, url, headers: admin, ...(payload ? { payload } : {}) });
  /** The changes of the newest event of `method route` for the app. */
  const lastChanges = async (method: string, route: string): Promise<AuditChange[]> => {
    const res = await app.inject({ method: "GET", url: `/api/audit?app=${name}&limit=50`, headers: admin });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.body).not.toContain(SECRET_VALUE);
    const events = res.json().events as Array<{ method: string; route: string; changes: AuditChange[] }>;
    const event = events.find((e) => e.method === method && e.route === route);
    expect(event, `${method} ${route} recorded`).toBeDefined();
    return event!.changes;
  };

  beforeAll(async () => {
    app = await buildApp(config, { logger: false });
  });
  afterAll(async () => {
    await call("DELETE", `/api/apps/${name}`);
    await app.pier.prisma.apiToken.deleteMany({ where: { name: { startsWith: name } } });
    await app.close();
  });

  it("creating an app, then PATCH: each setting changed, old → new; what didn't change is not listed", async () => {
    expect(
      (await call("POST", "/api/apps", { name, repoUrl: "https://github.com/pier-dev/hello.git" })).statusCode,
    ).toBe(201);
    expect(await lastChanges("POST", "/api/apps")).toEqual([{ field: "app", from: null, to: name }]);
    const patched = await call("PATCH", `/api/apps/${name}`, {
      branch: "release",
      healthCheckPath: "/health",
      hsts: false,
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(await lastChanges("PATCH", "/api/apps/:name")).toEqual([
      { field: "branch", from: "main", to: "release" },
      { field: "healthCheckPath", from: "/", to: "/health" },
    ]);
  });

  it("env set, set again and unset: keys and targets only, never a value", async () => {
    expect((await call("PUT", `/api/apps/${name}/env`, { vars: { API_KEY: SECRET_VALUE } })).statusCode).toBe(200);
    expect(await lastChanges("PUT", "/api/apps/:name/env")).toEqual([
      { field: "env API_KEY (preview)", from: null, to: "(hidden)" },
      { field: "env API_KEY (production)", from: null, to: "(hidden)" },
    ]);
    const again = await call("PUT", `/api/apps/${name}/env`, { vars: { API_KEY: `${SECRET_VALUE}-2` } });
    expect(again.statusCode).toBe(200);
    const rewritten = await lastChanges("PUT", "/api/apps/:name/env");
    expect(rewritten.map((c) => [c.from, c.to])).toEqual([
      ["(hidden)", "(new value, hidden)"],
      ["(hidden)", "(new value, hidden)"],
    ]);
    expect((await call("DELETE", `/api/apps/${name}/env/API_KEY`)).statusCode).toBe(200);
    expect(await lastChanges("DELETE", "/api/apps/:name/env/:key")).toEqual([
      { field: "env API_KEY (preview)", from: "(hidden)", to: null },
      { field: "env API_KEY (production)", from: "(hidden)", to: null },
    ]);
  });

  it("the dashboard's audit page shows the changes, old → new, and no secret", async () => {
    const signedIn = await postSignIn(app, config.PIER_ADMIN_TOKEN);
    const cookies = { pier_session: cookieOf(signedIn, "pier_session")! };
    const page = await app.inject({ method: "GET", url: `/audit?app=${name}`, cookies });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("data-changes");
    expect(page.body).toMatch(/<span class="mono">branch<\/span>: main → release/);
    expect(page.body).not.toContain(SECRET_VALUE);
  });

  it("scale, autoscale, credential and webhook secret: old → new, and a secret only as (hidden)", () => {
    const snapshot = (over: Partial<AppSnapshot> = {}): AppSnapshot => ({
      name,
      settings: { replicas: 1, autoscale: null },
      env: new Map(),
      credential: null,
      webhookSecret: "sealed-1",
      flags: new Map(),
      ...over,
    });
    const autoscale = JSON.stringify({ min: 1, max: 3 });
    const after = snapshot({
      settings: { replicas: 3, autoscale },
      credential: { label: "token …abcd", writtenAt: 1 },
      webhookSecret: "sealed-2",
    });
    expect(diffAppSnapshots(snapshot(), after)).toEqual([
      { field: "replicas", from: 1, to: 3 },
      { field: "autoscale", from: null, to: autoscale },
      { field: "credential", from: null, to: "token …abcd" },
      { field: "webhookSecret", from: "(hidden)", to: "(new value, hidden)" },
    ]);
    const replaced = snapshot({ credential: { label: "token …abcd", writtenAt: 2 } });
    expect(diffAppSnapshots(snapshot({ credential: { label: "token …abcd", writtenAt: 1 } }), replaced)).toEqual([
      { field: "credential", from: "token …abcd", to: "token …abcd (replaced)" },
    ]);
    expect(diffAppSnapshots(snapshot(), snapshot())).toEqual([]);
  });

  it("a second token with a name already taken (revoked or not) is refused: 409 naming the field name", async () => {
    const first = await call("POST", "/api/tokens", { name: `${name}-ci`, scopes: ["read"] });
    expect(first.statusCode, first.body).toBe(201);
    expect((await call("DELETE", `/api/tokens/${first.json().id}`)).statusCode).toBe(200);
    const second = await call("POST", "/api/tokens", { name: `${name}-ci`, scopes: ["deploy"] });
    expect(second.statusCode, second.body).toBe(409);
    expect(second.json()).toMatchObject({ error: "conflict", fields: [{ field: "name" }] });
    expect(await app.pier.prisma.apiToken.count({ where: { name: `${name}-ci` } })).toBe(1);
  });

  it("the migration renames tokens that already shared a name: the oldest keeps it, the others get -<id>", async () => {
    const dir = (await readdir(MIGRATIONS)).find((d) => d.endsWith("_token_names_audit_changes_commit_details"))!;
    const sql = await readFile(path.join(MIGRATIONS, dir, "migration.sql"), "utf8");
    const rename = sql.slice(sql.indexOf("UPDATE"), sql.indexOf("CREATE UNIQUE INDEX"));
    // Run on a temporary table of the same name (it comes first on the search path), rolled back.
    const names = await app.pier.prisma
      .$transaction(async (tx) => {
        await tx.$executeRawUnsafe(
          'CREATE TEMP TABLE "ApiToken" ("id" TEXT, "name" TEXT, "createdAt" TIMESTAMP(3)) ON COMMIT DROP',
        );
        await tx.$executeRawUnsafe(
          `INSERT INTO "ApiToken" VALUES ('b2', 'ci', '2026-01-02'), ('a1', 'ci', '2026-01-01'), ` +
            `('c3', 'ci', '2026-01-02'), ('d4', 'deploy', '2026-01-01')`,
        );
        await tx.$executeRawUnsafe(rename);
        const rows = await tx.$queryRawUnsafe<Array<{ id: string; name: string }>>(
          'SELECT "id", "name" FROM "ApiToken" ORDER BY "id"',
        );
        throw new RolledBack(rows);
      })
      .catch((error: unknown) => {
        if (error instanceof RolledBack) return error.rows;
        throw error;
      });
    expect(names).toEqual([
      { id: "a1", name: "ci" },
      { id: "b2", name: "ci-b2" },
      { id: "c3", name: "ci-c3" },
      { id: "d4", name: "deploy" },
    ]);
  });
});

/** Ends the migration's trial transaction, carrying what it saw. */
class RolledBack extends Error {
  constructor(readonly rows: Array<{ id: string; name: string }>) {
    super("rolled back");
  }
}
