import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { flagsReaderApp } from "../support/app-shapes.ts";
import { testApps } from "../support/apps.ts";
import { waitForStatus } from "../support/deployments.ts";
import { eventually } from "../support/eventually.ts";
import { getViaRouter } from "../support/http.ts";
import { startPlatform, testConfig, type Platform } from "../support/platform.ts";

/** What the flags reader app answers (tests/support/app-shapes.ts). */
interface FlagsAnswer {
  text: string;
  flags: Record<string, unknown> | null;
  env: Record<string, string>;
  hostname: string;
}

describe("feature flags: a file running containers read, env vars at start, a history event", () => {
  let platform: Platform;
  let flagsDir: string;
  let name: string;
  let repo: Awaited<ReturnType<ReturnType<typeof testApps>["create"]>>["repo"];
  const deploymentIds: string[] = [];
  const apps = testApps(() => platform, "flags");

  const api = (method: "GET" | "PUT" | "DELETE" | "POST", url: string, payload?: object) =>
    platform.api.inject({ method, url, headers: platform.auth, ...(payload ? { payload } : {}) });
  const ask = async (): Promise<FlagsAnswer> => {
    const res = await getViaRouter(platform.routerPort, `${name}.localhost`);
    if (res.status !== 200) throw new Error(`the app answered ${res.status}: ${res.body}`);
    return JSON.parse(res.body) as FlagsAnswer;
  };
  const releases = async () =>
    (await api("GET", `/api/apps/${name}/releases`)).json().releases as Array<{
      name: string;
      kind: string;
      isCurrent: boolean;
      changes: Array<{ key: string; from: unknown; to: unknown }> | null;
      from: { id: string } | null;
      to: { id: string };
    }>;
  async function deploy(text: string) {
    await repo.commit(flagsReaderApp(text), text);
    const res = await api("POST", `/api/apps/${name}/deploy`, {});
    expect(res.statusCode, res.body).toBe(202);
    const deployment = await waitForStatus(platform.api, platform.auth, res.json().id);
    expect(deployment.status, deployment.reason ?? "").toBe("READY");
    deploymentIds.push(deployment.id);
    return deployment;
  }

  beforeAll(async () => {
    flagsDir = await mkdtemp(path.join(tmpdir(), "pier-flags-test-"));
    platform = await startPlatform(testConfig({ PIER_FLAGS_DIR: flagsDir }));
    ({ name, repo } = await apps.create(flagsReaderApp("version 1")));
  });
  afterAll(async () => {
    await apps.cleanup();
    await platform.close();
    await rm(flagsDir, { recursive: true, force: true });
  });

  it("a flag set before the first deploy records no release; the first container sees it in env and file", async () => {
    const set = await api("PUT", `/api/apps/${name}/flags`, { flags: { GREETING: "hi", NEW_CHECKOUT: false } });
    expect(set.statusCode).toBe(200);
    expect(set.json()).toEqual({ flags: { GREETING: "hi", NEW_CHECKOUT: false } });
    expect(await releases()).toEqual([]);
    await deploy("version 1");
    const answer = await eventually(ask, "the app answers");
    expect(answer.flags).toEqual({ GREETING: "hi", NEW_CHECKOUT: false });
    expect(answer.env).toEqual({ PIER_FLAG_GREETING: "hi", PIER_FLAG_NEW_CHECKOUT: "false" });
  });

  it("a toggle reaches the running container within 2 s: same container, no build, no restart", async () => {
    const before = await ask();
    const deploymentsBefore = (await api("GET", `/api/apps/${name}/deployments`)).json().deployments.length;
    const timings: number[] = [];
    for (let i = 1; i <= 5; i++) {
      const value = i % 2 === 1;
      const started = performance.now();
      expect((await api("PUT", `/api/apps/${name}/flags`, { flags: { NEW_CHECKOUT: value } })).statusCode).toBe(200);
      const seen = await eventually(
        async () => {
          const answer = await ask();
          return answer.flags?.NEW_CHECKOUT === value ? answer : null;
        },
        `NEW_CHECKOUT=${value} in the running app`,
        5_000,
        10,
      );
      timings.push(performance.now() - started);
      expect(seen.hostname).toBe(before.hostname);
      // The env is the one the container started with: only the file is live.
      expect(seen.env).toEqual(before.env);
    }
    const sorted = [...timings].sort((a, b) => a - b);
    console.log(`flag toggle → seen by the app: ${sorted.map((t) => `${t.toFixed(0)} ms`).join(", ")}`);
    expect(sorted[sorted.length - 1]).toBeLessThan(2_000);
    const running = await platform.runtime.listContainers({ "pier.app": name });
    expect(running.map((c) => c.id.slice(0, 12))).toEqual([before.hostname]);
    expect((await api("GET", `/api/apps/${name}/deployments`)).json().deployments).toHaveLength(deploymentsBefore);
  });

  it("bad input gets a 400 naming the field; an unknown key on delete a 404", async () => {
    const refused = async (flags: unknown, field: string, message: RegExp) => {
      const res = await api("PUT", `/api/apps/${name}/flags`, { flags } as object);
      expect(res.statusCode, JSON.stringify(flags)).toBe(400);
      const fields = res.json().fields as Array<{ field: string; message: string }>;
      expect(fields.find((f) => f.field === field)?.message ?? JSON.stringify(fields)).toMatch(message);
    };
    await refused({ "1ST": true }, "flags.1ST", /letters, digits and '_'.*not starting with a digit/);
    await refused({ "NEW-CHECKOUT": true }, "flags.NEW-CHECKOUT", /letters, digits and '_'/);
    await refused({ OBJECT: { a: 1 } }, "flags.OBJECT", /true, false, a number or a string/);
    await refused({ EMPTY: null }, "flags.EMPTY", /true, false, a number or a string/);
    await refused({ LONG: "x".repeat(1_001) }, "flags.LONG", /at most 1000 characters/);
    await refused({}, "flags", /at least one flag/);
    const removed = await api("DELETE", `/api/apps/${name}/flags/NOT_SET`);
    expect(removed.statusCode).toBe(404);
    expect(removed.json()).toMatchObject({ error: "not_found", fields: [{ field: "key" }] });
    expect((await api("DELETE", `/api/apps/${name}/flags/1BAD`)).json().fields[0].field).toBe("key");
    expect((await api("GET", `/api/apps/${name}/flags`)).json().flags).toEqual({ GREETING: "hi", NEW_CHECKOUT: true });
  });

  it("each change is in the audit log (from → to) and the history as a FLAGS event; removing one too", async () => {
    expect((await api("PUT", `/api/apps/${name}/flags`, { flags: { BANNER: "spring", LIMIT: 2.5 } })).statusCode).toBe(
      200,
    );
    expect((await api("DELETE", `/api/apps/${name}/flags/GREETING`)).json().flags).toEqual({
      BANNER: "spring",
      LIMIT: 2.5,
      NEW_CHECKOUT: true,
    });
    await eventually(async () => (await ask()).flags?.GREETING === undefined, "GREETING gone from the file");
    const logged = (await api("GET", `/api/audit?app=${name}`)).json().events as Array<{
      route: string;
      changes: unknown[];
    }>;
    // Refused requests are logged too, changing nothing.
    const events = logged.filter((e) => e.changes.length > 0);
    expect(events[0]).toMatchObject({
      route: "/api/apps/:name/flags/:key",
      changes: [{ field: "flag GREETING", from: "hi", to: null }],
    });
    expect(events[1]).toMatchObject({
      route: "/api/apps/:name/flags",
      changes: [
        { field: "flag BANNER", from: null, to: "spring" },
        { field: "flag LIMIT", from: null, to: 2.5 },
      ],
    });
    expect(events[2]).toMatchObject({ changes: [{ field: "flag NEW_CHECKOUT", from: false, to: true }] });
    const history = await releases();
    // v1 the deploy, then the 5 toggles, the set and the removal: events on production, which stays v1.
    expect(history.map((r) => r.kind)).toEqual(["FLAGS", "FLAGS", ...Array(5).fill("FLAGS"), "DEPLOY"]);
    expect(history[0]).toMatchObject({ changes: [{ key: "GREETING", from: "hi", to: null }], isCurrent: false });
    expect(history[1]!.changes).toEqual([
      { key: "BANNER", from: null, to: "spring" },
      { key: "LIMIT", from: null, to: 2.5 },
    ]);
    expect(history[6]!.changes).toEqual([{ key: "NEW_CHECKOUT", from: false, to: true }]);
    expect(history[0]!.from?.id).toBe(deploymentIds[0]);
    expect(history[0]!.to.id).toBe(deploymentIds[0]);
    expect(history.find((r) => r.isCurrent)?.kind).toBe("DEPLOY");
  });

  it("a new deployment starts with the flags of now as env; a rollback after a flags change skips it", async () => {
    const v2 = await deploy("version 2");
    const answer = await eventually(async () => {
      const seen = await ask();
      return seen.text === "version 2" ? seen : null;
    }, "version 2 serves");
    expect(answer.env).toEqual({ PIER_FLAG_BANNER: "spring", PIER_FLAG_LIMIT: "2.5", PIER_FLAG_NEW_CHECKOUT: "true" });
    expect(answer.flags).toEqual({ BANNER: "spring", LIMIT: 2.5, NEW_CHECKOUT: true });
    expect((await api("PUT", `/api/apps/${name}/flags`, { flags: { BANNER: "summer" } })).statusCode).toBe(200);
    expect((await releases())[0]).toMatchObject({ kind: "FLAGS", from: { id: v2.id }, to: { id: v2.id } });

    const rollback = await api("POST", `/api/apps/${name}/rollback`);
    expect(rollback.statusCode).toBe(200);
    expect(rollback.json().release).toMatchObject({
      kind: "ROLLBACK",
      from: { id: v2.id },
      to: { id: deploymentIds[0] },
    });
    // Version 1's container (kept warm, started long before) reads the flags of now from the file.
    const back = await eventually(async () => {
      const seen = await ask();
      return seen.text === "version 1" ? seen : null;
    }, "version 1 serves again");
    expect(back.flags).toEqual({ BANNER: "summer", LIMIT: 2.5, NEW_CHECKOUT: true });
  });

  it("deleting the app removes its flags directory", async () => {
    const appId = (await platform.prisma.app.findUniqueOrThrow({ where: { name } })).id;
    expect(existsSync(path.join(flagsDir, appId, "flags.json"))).toBe(true);
    expect((await api("DELETE", `/api/apps/${name}`)).statusCode).toBe(200);
    expect(existsSync(path.join(flagsDir, appId))).toBe(false);
  });
});
