import { randomBytes } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../src/build-app.ts";
import { cookieOf, csrfOf, form, postSignIn } from "../../../tests/support/dashboard-forms.ts";
import { testConfig } from "../../../tests/support/platform.ts";

describe("dashboard: the Flags tab toggles, edits, adds and removes flags (with a confirmation)", () => {
  let app: FastifyInstance;
  let flagsDir: string;
  let session: string;
  let appId: string;
  const name = `dflags-${randomBytes(3).toString("hex")}`;

  const get = (url: string) => app.inject({ method: "GET", url, cookies: { pier_session: session } });
  const post = async (url: string, fields: Record<string, string>) => {
    const page = await get(`/apps/${name}/flags`);
    return app.inject({
      method: "POST",
      url,
      cookies: { pier_session: session },
      ...form({ _csrf: csrfOf(page.body), ...fields }),
    });
  };
  const stored = async () => JSON.parse(await readFile(path.join(flagsDir, appId, "flags.json"), "utf8"));

  beforeAll(async () => {
    flagsDir = await mkdtemp(path.join(tmpdir(), "pier-dashboard-flags-"));
    const config = testConfig({ PIER_FLAGS_DIR: flagsDir });
    app = await buildApp(config, { logger: false });
    session = cookieOf(await postSignIn(app, config.PIER_ADMIN_TOKEN), "pier_session")!;
    const created = await app.inject({
      method: "POST",
      url: "/api/apps",
      headers: { authorization: `Bearer ${config.PIER_ADMIN_TOKEN}` },
      payload: { name, repoUrl: "https://github.com/pier-dev/hello.git" },
    });
    expect(created.statusCode, created.body).toBe(201);
    appId = created.json().id;
  });
  afterAll(async () => {
    await app.inject({ method: "DELETE", url: `/api/apps/${name}`, cookies: { pier_session: session } });
    await app.close();
    await rm(flagsDir, { recursive: true, force: true });
  });

  it("adds flags of each type, toggles a boolean, edits a string, refuses bad input next to its field", async () => {
    const empty = await get(`/apps/${name}/flags`);
    expect(empty.statusCode).toBe(200);
    expect(empty.body).toContain('data-empty="flags"');
    expect(empty.body).toMatch(/<a href="\/apps\/[^"]+\/flags" class="on">Flags<\/a>/);

    for (const [key, value, type] of [
      ["NEW_CHECKOUT", "false", "boolean"],
      ["BANNER", "spring", "string"],
      ["LIMIT", "20", "number"],
    ] as const) {
      const added = await post(`/apps/${name}/flags`, { key, value, type });
      expect(added.statusCode, added.body.slice(0, 300)).toBe(303);
    }
    expect(await stored()).toEqual({ BANNER: "spring", LIMIT: 20, NEW_CHECKOUT: false });

    const page = (await get(`/apps/${name}/flags`)).body;
    expect(page).toContain('data-flag="NEW_CHECKOUT" data-value="false"');
    expect(page).toMatch(
      /name="value" value="true">\s*<button class="btn sm" type="submit" data-action="toggle">Turn on/,
    );
    expect(
      (await post(`/apps/${name}/flags`, { key: "NEW_CHECKOUT", value: "true", type: "boolean" })).statusCode,
    ).toBe(303);
    expect((await post(`/apps/${name}/flags`, { key: "BANNER", value: "summer", type: "string" })).statusCode).toBe(
      303,
    );
    expect(await stored()).toEqual({ BANNER: "summer", LIMIT: 20, NEW_CHECKOUT: true });

    const badKey = await post(`/apps/${name}/flags`, { key: "1ST", value: "x", type: "string" });
    expect(badKey.statusCode).toBe(400);
    expect(badKey.body).toMatch(/data-error-for="key">[^<]*not starting with a digit/);
    const badNumber = await post(`/apps/${name}/flags`, { key: "LIMIT", value: "lots", type: "number" });
    expect(badNumber.statusCode).toBe(400);
    expect(badNumber.body).toMatch(/data-error-for="value">must be a number/);
  });

  it("removing a flag asks first (without JavaScript, a confirmation page), then removes it", async () => {
    const asked = await post(`/apps/${name}/flags/remove`, { key: "BANNER" });
    expect(asked.statusCode).toBe(200);
    expect(asked.body).toContain("data-confirmation");
    expect(asked.body).toContain("Remove flag");
    expect((await stored()).BANNER).toBe("summer");
    const confirmed = await post(`/apps/${name}/flags/remove`, { key: "BANNER", confirmed: "yes" });
    expect(confirmed.statusCode).toBe(303);
    expect(await stored()).toEqual({ LIMIT: 20, NEW_CHECKOUT: true });
    const events = await app.pier.prisma.auditEvent.findMany({ where: { target: name }, orderBy: { at: "desc" } });
    expect(events[0]).toMatchObject({
      actorKind: "session",
      changes: [{ field: "flag BANNER", from: "summer", to: null }],
    });
  });
});
