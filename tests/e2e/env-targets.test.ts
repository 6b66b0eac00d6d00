import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { waitForStatus } from "../support/deployments.ts";
import { createTestRepo, type TestRepo } from "../support/git-repo.ts";
import { deliveryHeaders, pushPayload } from "../support/github.ts";
import { getViaRouter } from "../support/http.ts";
import { startPlatform, type Platform } from "../support/platform.ts";

// Answers "<SECRET>|<who first wrote the volume>": the first start on a volume writes $OWNER into it.
const files = {
  "package.json": JSON.stringify({ name: "targets", scripts: { start: "node server.js" } }),
  "pier.json": JSON.stringify({ volumes: [{ name: "data", path: "/data" }] }),
  "server.js": `const fs = require("fs");
if (!fs.existsSync("/data/owner")) fs.writeFileSync("/data/owner", process.env.OWNER ?? "nobody");
require("http")
  .createServer((q, s) => s.end((process.env.SECRET ?? "none") + "|" + fs.readFileSync("/data/owner", "utf8")))
  .listen(Number(process.env.PORT));
`,
};

describe("env vars per target, and previews apart from production's data", () => {
  let platform: Platform;
  let repo: TestRepo & { sha: string };
  let secret = "";
  const name = `envt-${randomBytes(3).toString("hex")}`;
  const env = (method: "GET" | "PUT" | "DELETE", url = "", payload?: Record<string, unknown>) =>
    platform.api.inject({
      method,
      url: `/api/apps/${name}/env${url}`,
      headers: platform.auth,
      ...(payload ? { payload } : {}),
    });
  const push = (branch: string, sha: string) => {
    const body = JSON.stringify(pushPayload({ branch, sha }));
    return platform.api.inject({
      method: "POST",
      url: `/webhooks/github/${name}`,
      headers: deliveryHeaders("push", secret, body),
      payload: body,
    });
  };

  beforeAll(async () => {
    platform = await startPlatform();
    repo = await createTestRepo(files);
    const created = await platform.api.inject({
      method: "POST",
      url: "/api/apps",
      headers: platform.auth,
      payload: { name, repoUrl: repo.url },
    });
    secret = created.json().webhookSecret;
  });
  afterAll(async () => {
    await platform.api.inject({ method: "DELETE", url: `/api/apps/${name}?volumes=true`, headers: platform.auth });
    await platform.close();
    await repo.remove();
  });

  it("sets values per target, lists them with their targets, refuses an unknown target naming the field", async () => {
    expect(
      (await env("PUT", "", { vars: { SECRET: "prod-secret", OWNER: "production" }, targets: ["production"] }))
        .statusCode,
    ).toBe(200);
    expect(
      (await env("PUT", "", { vars: { SECRET: "preview-secret", OWNER: "preview" }, targets: ["preview"] })).statusCode,
    ).toBe(200);
    expect((await env("PUT", "", { vars: { SHARED: "both" } })).statusCode).toBe(200);
    const listed = (await env("GET", "?reveal=true")).json().vars as Array<{
      key: string;
      value: string;
      targets: string[];
    }>;
    expect(listed.map((v) => `${v.key}=${v.value}:${v.targets.join("+")}`).sort()).toEqual(
      [
        "OWNER=preview:preview",
        "OWNER=production:production",
        "SECRET=preview-secret:preview",
        "SECRET=prod-secret:production",
        "SHARED=both:production+preview",
      ].sort(),
    );
    const bad = await env("PUT", "", { vars: { X: "1" }, targets: ["staging"] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields[0].field).toMatch(/^targets/);
  });

  it("production gets production's values; a preview gets the preview's, and a volume of its own", async () => {
    const main = await push("main", repo.sha);
    expect((await waitForStatus(platform.api, platform.auth, main.json().deploymentId)).status).toBe("READY");
    expect((await getViaRouter(platform.routerPort, `${name}.localhost`)).body).toBe("prod-secret|production");

    await platform.api.inject({
      method: "PATCH",
      url: `/api/apps/${name}`,
      headers: platform.auth,
      payload: { previews: true },
    });
    const sha = await repo.commit({ "README.md": "a feature" }, "feature", "feature/x");
    const preview = await push("feature/x", sha);
    expect((await waitForStatus(platform.api, platform.auth, preview.json().deploymentId)).status).toBe("READY");
    // Its own volume: it was empty, so the preview wrote "preview" there, and production's still says "production".
    expect((await getViaRouter(platform.routerPort, `${name}-git-feature-x.localhost`)).body).toBe(
      "preview-secret|preview",
    );
    expect((await getViaRouter(platform.routerPort, `${name}.localhost`)).body).toBe("prod-secret|production");
  });

  it("removes a var from one target only", async () => {
    expect((await env("DELETE", "/SECRET?target=preview")).statusCode).toBe(200);
    const listed = (await env("GET")).json().vars as Array<{ key: string; targets: string[] }>;
    expect(listed.filter((v) => v.key === "SECRET").map((v) => v.targets)).toEqual([["production"]]);
    expect((await env("DELETE", "/SECRET?target=preview")).statusCode).toBe(404);
  });
});
