import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { createTestRepo, nodeAppFiles, type TestRepo } from "../support/git-repo.ts";
import { waitForStatus } from "../support/deployments.ts";
import { startPlatform, type Platform } from "../support/platform.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const run = promisify(execFile);

describe("control over the running app: one-off commands and runtime logs (API and CLI)", () => {
  let platform: Platform;
  let repo: TestRepo & { sha: string };
  let apiUrl = "";
  const name = `ctl-${randomBytes(3).toString("hex")}`;

  const pier = async (...args: string[]) => {
    try {
      const { stdout, stderr } = await run(process.execPath, ["--import", "tsx", "apps/cli/src/main.ts", ...args], {
        cwd: root,
        env: { ...process.env, PIER_API_URL: apiUrl, PIER_TOKEN: platform.config.PIER_ADMIN_TOKEN, NO_COLOR: "1" },
      });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  };

  beforeAll(async () => {
    platform = await startPlatform();
    await platform.api.listen({ host: "127.0.0.1", port: 0 });
    apiUrl = `http://127.0.0.1:${(platform.api.server.address() as AddressInfo).port}`;
    const files = nodeAppFiles("control");
    // An app that prints a secret from its environment at start, as careless apps do.
    files["server.js"] = `${files["server.js"]}\nconsole.log("greeting: " + process.env.GREETING);\n`;
    repo = await createTestRepo({
      ...files,
      "pier.json": JSON.stringify({ volumes: [{ name: "data", path: "/data" }] }),
    });
    await platform.api.inject({
      method: "POST",
      url: "/api/apps",
      headers: platform.auth,
      payload: { name, repoUrl: repo.url },
    });
    await platform.api.inject({
      method: "PUT",
      url: `/api/apps/${name}/env`,
      headers: platform.auth,
      payload: { vars: { GREETING: "hello-from-env" } },
    });
  });
  afterAll(async () => {
    await platform.api.inject({ method: "DELETE", url: `/api/apps/${name}?volumes=true`, headers: platform.auth });
    await platform.close();
    await repo.remove();
  });

  it("refuses to run before there is a production deployment", async () => {
    const res = await platform.api.inject({
      method: "POST",
      url: `/api/apps/${name}/run`,
      headers: platform.auth,
      payload: { command: ["true"] },
    });
    expect(res.statusCode).toBe(409);
    const empty = await platform.api.inject({
      method: "POST",
      url: `/api/apps/${name}/run`,
      headers: platform.auth,
      payload: { command: [] },
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().fields[0].field).toBe("command");
  });

  it("pier run runs in the production image with the app's env and volumes, and returns its exit code", async () => {
    const deploy = await platform.api.inject({
      method: "POST",
      url: `/api/apps/${name}/deploy`,
      headers: platform.auth,
    });
    expect((await waitForStatus(platform.api, platform.auth, deploy.json().id)).status).toBe("READY");

    const write = await pier("run", name, "--", "sh", "-c", "echo $GREETING > /data/note && cat server.js | head -1");
    expect(write.code).toBe(0);
    expect(write.stdout).toContain('const http = require("http");');
    // The command saw the value (15 characters and a newline went to the volume); what it prints of it is
    // redacted, as in build logs.
    const read = await pier("run", name, "--json", "--", "sh", "-c", "cat /data/note; wc -c < /data/note");
    expect(JSON.parse(read.stdout)).toMatchObject({ exitCode: 0, output: "[redacted]\n15\n", timedOut: false });
    const failing = await pier("run", name, "--", "sh", "-c", "echo oops >&2; exit 4");
    expect(failing.code).toBe(1);
    expect(failing.stdout).toContain("oops");
    expect(failing.stderr).toContain("exited with 4");
    expect((await pier("run", name)).code).toBe(2);
    // No one-off containers are left behind.
    expect(await platform.runtime.listContainers({ "pier.app": name, "pier.role": "run" }, { all: true })).toEqual([]);
  });

  it("pier app-logs shows the running app's output, with the app's env values redacted", async () => {
    const logs = await pier("app-logs", name, "--tail", "20");
    expect(logs.code).toBe(0);
    expect(logs.stdout).toContain("listening on 3000");
    // The app prints its GREETING at start (see the files above); the log shows it redacted.
    expect(logs.stdout).toContain("greeting: [redacted]");
    expect(logs.stdout).not.toContain("hello-from-env");
    // Each line says when (UTC) and which replica wrote it.
    expect(logs.stdout).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}Z #1 listening on 3000$/m);
    const json = await pier("app-logs", name, "--tail", "20", "--json");
    expect(json.code).toBe(0);
    const lines = json.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines).toContainEqual({
      at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      replica: 1,
      container: expect.any(String),
      line: "listening on 3000",
    });
    expect(json.stdout).not.toContain("hello-from-env");
    expect((await pier("app-logs", "no-such-app")).code).toBe(5);
  });
});
