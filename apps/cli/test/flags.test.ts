import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseFlagValue } from "../src/commands/flags.ts";
import { startCliApi, type CliApi } from "./cli-api.ts";

describe("pier flags against the real API", () => {
  let cli: CliApi;
  let flagsDir: string;
  const name = `cli-flags-${randomBytes(4).toString("hex")}`;
  const pier = (args: string[]) => cli.pier(args);

  beforeAll(async () => {
    flagsDir = await mkdtemp(join(tmpdir(), "pier-cli-flags-dir-"));
    cli = await startCliApi(name, "pier-cli-flags-", { config: { PIER_FLAGS_DIR: flagsDir } });
  });
  afterAll(async () => {
    await cli?.close();
    await rm(flagsDir, { recursive: true, force: true });
  });

  it("reads true/false and numbers as such, anything else as a string; --string keeps strings", () => {
    expect([parseFlagValue("true", false), parseFlagValue("false", false)]).toEqual([true, false]);
    expect([parseFlagValue("20", false), parseFlagValue("-1.5", false), parseFlagValue("1e3", false)]).toEqual([
      20, -1.5, 1000,
    ]);
    expect(["0x10", "07", " 7", "", "spring", "True"].map((v) => parseFlagValue(v, false))).toEqual([
      "0x10",
      "07",
      " 7",
      "",
      "spring",
      "True",
    ]);
    expect([parseFlagValue("true", true), parseFlagValue("20", true)]).toEqual(["true", "20"]);
  });

  it("sets, lists (a table, or JSON), and removes flags", async () => {
    const empty = await pier(["flags", name]);
    expect(empty).toMatchObject({ code: 0, stdout: `No flags on ${name}: pier flags set ${name} KEY=value\n` });

    const set = await pier(["flags", "set", name, "NEW_CHECKOUT=true", "LIMIT=20", "BANNER=spring sale"]);
    expect(set.code, set.stderr).toBe(0);
    expect(set.stdout).toBe(`Set NEW_CHECKOUT=true, LIMIT=20, BANNER=spring sale on ${name}.\n`);
    const asString = await pier(["flags", "set", name, "VERSION=2", "--string", "--json"]);
    expect(JSON.parse(asString.stdout)).toEqual({
      flags: { BANNER: "spring sale", LIMIT: 20, NEW_CHECKOUT: true, VERSION: "2" },
    });

    const listed = await pier(["flags", name]);
    expect(listed.code).toBe(0);
    const lines = listed.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^KEY\s+VALUE\s+TYPE$/);
    expect(lines.slice(1).map((l) => l.split(/\s{2,}/))).toEqual([
      ["BANNER", "spring sale", "string"],
      ["LIMIT", "20", "number"],
      ["NEW_CHECKOUT", "true", "bool"],
      ["VERSION", "2", "string"],
    ]);

    const removed = await pier(["flags", "rm", name, "VERSION", "LIMIT"]);
    expect(removed).toMatchObject({ code: 0, stdout: `Removed VERSION, LIMIT from ${name}.\n` });
    expect(JSON.parse((await pier(["flags", name, "--json"])).stdout)).toEqual({
      flags: { BANNER: "spring sale", NEW_CHECKOUT: true },
    });
  });

  it("refuses what it can't send (exit 2) and says what the API refused, naming the flag", async () => {
    const noPair = await pier(["flags", "set", name, "NEW_CHECKOUT"]);
    expect(noPair.code).toBe(2);
    expect(noPair.stderr).toContain("expected KEY=value, got NEW_CHECKOUT");
    const badKey = await pier(["flags", "set", name, "1ST=true"]);
    expect(badKey.code).not.toBe(0);
    expect(badKey.stderr).toMatch(/flags\.1ST.*not starting with a digit/);
    const unknown = await pier(["flags", "rm", name, "NOT_SET"]);
    expect(unknown.code).toBe(5);
    expect(unknown.stderr).toContain("flag NOT_SET is not set");
  });

  it("pier releases shows a flags change as an event: flags: KEY from → to", async () => {
    const { prisma } = cli.api.pier;
    const deployment = await cli.apiCall("POST", `/api/apps/${name}/deploy`, {});
    const app = await prisma.app.findUniqueOrThrow({ where: { name } });
    await prisma.deployment.update({ where: { id: deployment.body.id }, data: { status: "READY" } });
    await prisma.app.update({ where: { id: app.id }, data: { productionDeploymentId: deployment.body.id } });
    await prisma.release.create({
      data: { appId: app.id, version: 1, kind: "DEPLOY", cause: "API", toDeploymentId: deployment.body.id },
    });
    expect((await pier(["flags", "set", name, "NEW_CHECKOUT=false"])).code).toBe(0);
    const listed = await pier(["releases", name]);
    expect(listed.code).toBe(0);
    const lines = listed.stdout.trimEnd().split("\n");
    expect(lines[1]).toMatch(/^\s+v2\s+FLAGS\s+API\s+\w+\s+-\s+\d+s\s+flags: NEW_CHECKOUT true → false$/);
    expect(lines[2]).toMatch(/^\*\s+v1\s+DEPLOY\s/);
  });
});
