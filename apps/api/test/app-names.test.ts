import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { hostLabelClash, isReservedAppName } from "@pier/shared";
import { buildApp } from "../src/build-app.ts";
import { testConfig } from "../../../tests/support/platform.ts";

describe("app names can't shadow another app's hosts", () => {
  it("reserves -git- and a trailing -git", () => {
    for (const name of ["web-git-main", "web-git", "a-git-b-c"]) expect(isReservedAppName(name), name).toBe(true);
    for (const name of ["web", "git", "git-web", "web-gitx", "webgit", "web-github"])
      expect(isReservedAppName(name), name).toBe(false);
  });

  it("finds the app whose deployment or preview labels a name would take, either way round", () => {
    expect(hostLabelClash("web-abc12345", ["web"])).toBe("web");
    expect(hostLabelClash("web", ["web-abc12345"])).toBe("web-abc12345");
    expect(hostLabelClash("web", ["web-git-main"])).toBe("web-git-main");
    expect(hostLabelClash("web-abc1234", ["web"])).toBeNull(); // 7 characters: no short id
    expect(hostLabelClash("web-abc-1234", ["web"])).toBeNull();
    expect(hostLabelClash("web-ABC12345", ["web"])).toBeNull();
    expect(hostLabelClash("web-abc12345", ["we", "web-abc12345", "webb"])).toBeNull();
  });
});

describe("creating apps with names that collide with generated hosts", () => {
  let app: FastifyInstance;
  const auth = { authorization: "" };
  const base = `nm-${randomBytes(3).toString("hex")}`;
  const created: string[] = [];
  const repoUrl = "https://github.com/pier-test/app.git";
  const create = async (name: string) => {
    const res = await app.inject({ method: "POST", url: "/api/apps", headers: auth, payload: { name, repoUrl } });
    if (res.statusCode === 201) created.push(name);
    return res;
  };

  beforeAll(async () => {
    const config = testConfig();
    auth.authorization = `Bearer ${config.PIER_ADMIN_TOKEN}`;
    app = await buildApp(config, { logger: false });
  });
  afterAll(async () => {
    for (const name of created) await app.inject({ method: "DELETE", url: `/api/apps/${name}`, headers: auth });
    await app.close();
  });

  it("refuses -git- names with a 400 naming name", async () => {
    for (const name of [`${base}-git-main`, `${base}-git`]) {
      const res = await create(name);
      expect(res.statusCode, name).toBe(400);
      expect(res.json().fields[0]).toMatchObject({ field: "name" });
      expect(res.json().message).toContain("-git-");
    }
  });

  it("409 naming name for <existing app>-<8 letters/digits>, and for an app whose such name exists", async () => {
    expect((await create(base)).statusCode).toBe(201);
    const shadowing = await create(`${base}-abc12345`);
    expect(shadowing.statusCode).toBe(409);
    expect(shadowing.json()).toMatchObject({ error: "conflict", fields: [{ field: "name" }] });
    expect(shadowing.json().message).toContain(`app ${base}`);

    const other = `nm-${randomBytes(3).toString("hex")}`;
    expect((await create(`${other}-zz998877`)).statusCode).toBe(201);
    const shadowed = await create(other);
    expect(shadowed.statusCode).toBe(409);
    expect(shadowed.json()).toMatchObject({ error: "conflict", fields: [{ field: "name" }] });

    // Names that merely share a prefix are fine.
    expect((await create(`${base}-api`)).statusCode).toBe(201);
  });
});
