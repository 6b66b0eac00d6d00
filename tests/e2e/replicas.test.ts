import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testApps } from "../support/apps.ts";
import { getViaRouter } from "../support/http.ts";
import { logText } from "../support/deployments.ts";
import { startPlatform, type Platform } from "../support/platform.ts";

// Answers with its version and the container's host name, so a test can tell replicas apart.
const replicated = (version: string, replicas: number) => ({
  "package.json": JSON.stringify({ name: "rep", scripts: { start: "node server.js" } }),
  "pier.json": JSON.stringify({ replicas }),
  "server.js":
    `require("http").createServer((q, s) => s.end(${JSON.stringify(version)} + " " + require("os").hostname()))` +
    `.listen(Number(process.env.PORT));\n`,
});

describe("replicas", () => {
  let platform: Platform;
  const apps = testApps(() => platform, "rep");

  beforeAll(async () => {
    platform = await startPlatform();
  });
  afterAll(async () => {
    await apps.cleanup();
    await platform.close();
  });

  const answers = async (host: string, count: number) => {
    const bodies: string[] = [];
    for (let i = 0; i < count; i++) bodies.push((await getViaRouter(platform.routerPort, host)).body);
    return bodies;
  };

  it("runs pier.json's replicas, spreads requests across them, and rolls back to all of them", async () => {
    const { name, repo } = await apps.create(replicated("v1", 3));
    const v1 = await apps.deploy(name);
    expect(v1.reason).toBeNull();
    expect(await logText(platform.api, platform.auth, v1.id)).toContain("(all 3 replicas)");
    const first = await answers(`${name}.localhost`, 6);
    expect(first.every((b) => b.startsWith("v1 "))).toBe(true);
    expect(new Set(first).size).toBe(3);
    expect(await platform.runtime.listContainers({ "pier.deployment": v1.id })).toHaveLength(3);

    await repo.commit(replicated("v2", 2), "v2 with two");
    const v2 = await apps.deploy(name);
    expect(v2.reason).toBeNull();
    const second = await answers(`${name}.localhost`, 4);
    expect(second.every((b) => b.startsWith("v2 "))).toBe(true);
    expect(new Set(second).size).toBe(2);

    // v1's three replicas stayed warm: the rollback needs no container start.
    const rollback = await platform.api.inject({
      method: "POST",
      url: `/api/apps/${name}/rollback`,
      headers: platform.auth,
    });
    expect(rollback.json()).toMatchObject({ started: false, routed: true });
    const third = await answers(`${name}.localhost`, 6);
    expect(new Set(third)).toEqual(new Set(first));
  });

  it("every replica of a deployment runs the env it was made with, and a rollback brings that env back", async () => {
    const greeter = (version: string) => ({
      "package.json": JSON.stringify({ name: "greet", scripts: { start: "node server.js" } }),
      "server.js":
        `require("http").createServer((q, s) => s.end(${JSON.stringify(version)} + " " + ` +
        `(process.env.GREETING ?? "none") + " " + require("os").hostname())).listen(Number(process.env.PORT));\n`,
    });
    const { name, repo } = await apps.create(greeter("v1"));
    const api = (method: "PUT" | "POST", url: string, payload?: object) =>
      platform.api.inject({
        method,
        url: `/api/apps/${name}${url}`,
        headers: platform.auth,
        ...(payload ? { payload } : {}),
      });
    expect((await apps.deploy(name)).status).toBe("READY");
    expect((await api("PUT", "/env", { vars: { GREETING: "hi" } })).statusCode).toBe(200);
    // The env change reaches a new deployment, never v1's new replica.
    expect((await api("POST", "/scale", { replicas: 2 })).statusCode).toBe(200);
    const v1 = await answers(`${name}.localhost`, 6);
    expect(v1.every((b) => b.startsWith("v1 none "))).toBe(true);
    expect(new Set(v1).size).toBe(2);

    await repo.commit(greeter("v2"), "v2");
    expect((await apps.deploy(name)).status).toBe("READY");
    expect((await answers(`${name}.localhost`, 4)).every((b) => b.startsWith("v2 hi "))).toBe(true);

    expect((await api("POST", "/rollback")).json()).toMatchObject({ routed: true });
    const back = await answers(`${name}.localhost`, 6);
    expect(
      back.every((b) => b.startsWith("v1 none ")),
      back.join("\n"),
    ).toBe(true);

    // PORT is Pier's to set: refused, naming the key, and nothing is stored.
    const port = await api("PUT", "/env", { vars: { PORT: "1", OTHER: "x" } });
    expect(port.statusCode).toBe(400);
    expect(JSON.stringify(port.json())).toContain("vars.PORT");
    expect(port.json().error ?? port.json().message).toBeTruthy();
    const listed = (
      await platform.api.inject({ method: "GET", url: `/api/apps/${name}/env`, headers: platform.auth })
    ).json();
    expect(listed.vars.map((v: { key: string }) => v.key)).toEqual(["GREETING"]);
  });

  it("a replica that never gets healthy fails the deploy and leaves nothing behind", async () => {
    const { name, repo } = await apps.create(replicated("ok", 1));
    expect((await apps.deploy(name)).status).toBe("READY");
    await repo.commit(
      {
        "pier.json": JSON.stringify({ replicas: 2, healthCheck: { path: "/nope", timeoutSeconds: 2 } }),
        "server.js":
          `require("http").createServer((q, s) => { s.statusCode = q.url === "/nope" ? 500 : 200; s.end("bad"); })` +
          `.listen(Number(process.env.PORT));\n`,
      },
      "unhealthy pair",
    );
    const failed = await apps.deploy(name);
    expect(failed.status).toBe("FAILED");
    expect(await platform.runtime.listContainers({ "pier.deployment": failed.id }, { all: true })).toEqual([]);
    expect((await getViaRouter(platform.routerPort, `${name}.localhost`)).body).toMatch(/^ok /);
  });
});
