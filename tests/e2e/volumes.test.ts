import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import { createTestRepo, type TestRepo } from "../support/git-repo.ts";
import { getViaRouter } from "../support/http.ts";
import { waitForStatus } from "../support/deployments.ts";
import { startPlatform, type Platform } from "../support/platform.ts";

// Each boot appends a line to /data/boots.txt; every request answers with the file.
const app = (version: string) => ({
  "package.json": JSON.stringify({ name: "vol", scripts: { start: "node server.js" } }),
  "pier.json": JSON.stringify({ volumes: [{ name: "data", path: "/data" }] }),
  "server.js": `const fs = require("fs");
fs.appendFileSync("/data/boots.txt", ${JSON.stringify(version)} + "\\n");
require("http").createServer((q, s) => s.end(fs.readFileSync("/data/boots.txt"))).listen(Number(process.env.PORT));
`,
});

describe("persistent volumes", () => {
  let platform: Platform;
  let repo: TestRepo & { sha: string };
  const name = `vol-${randomBytes(3).toString("hex")}`;
  const host = `${name}.localhost`;
  const ids: string[] = [];
  const deploy = async () => {
    const res = await platform.api.inject({ method: "POST", url: `/api/apps/${name}/deploy`, headers: platform.auth });
    const deployment = await waitForStatus(platform.api, platform.auth, res.json().id);
    expect(deployment.reason).toBeNull();
    ids.push(deployment.id);
    return deployment;
  };

  beforeAll(async () => {
    platform = await startPlatform();
    repo = await createTestRepo(app("v1"));
    expect(
      (
        await platform.api.inject({
          method: "POST",
          url: "/api/apps",
          headers: platform.auth,
          payload: { name, repoUrl: repo.url },
        })
      ).statusCode,
    ).toBe(201);
  });
  afterAll(async () => {
    await platform.api.inject({ method: "DELETE", url: `/api/apps/${name}?volumes=true`, headers: platform.auth });
    await platform.close();
    await repo.remove();
  });

  it("keeps files across deploys and a rollback", async () => {
    await deploy();
    expect((await getViaRouter(platform.routerPort, host)).body).toBe("v1\n");
    await repo.commit(app("v2"), "v2");
    await deploy();
    expect((await getViaRouter(platform.routerPort, host)).body).toBe("v1\nv2\n");
    // Roll back to v1 with its container gone: it starts again from its image, on the same volume.
    const v1 = await platform.prisma.deployment.findUniqueOrThrow({ where: { id: ids[0] } });
    if (v1.containerId) await platform.runtime.removeContainer(v1.containerId);
    const rollback = await platform.api.inject({
      method: "POST",
      url: `/api/apps/${name}/rollback`,
      headers: platform.auth,
    });
    expect(rollback.statusCode).toBe(200);
    expect(rollback.json().started).toBe(true);
    expect((await getViaRouter(platform.routerPort, host)).body).toBe("v1\nv2\nv1\n");
    // The compose export mounts the same volume.
    const exported = await platform.api.inject({
      method: "GET",
      url: `/api/apps/${name}/export`,
      headers: platform.auth,
    });
    const volume = (await platform.runtime.listVolumes({ "pier.app": name }))[0]!.name;
    expect(exported.body).toContain(`- ${volume}:/data`);
    expect(exported.body).toMatch(new RegExp(`^volumes:\\n  ${volume}:\\n    external: true`, "m"));
  });

  it("deleting the app keeps its volume unless asked explicitly", async () => {
    const volumes = await platform.runtime.listVolumes({ "pier.app": name });
    expect(volumes.map((v) => v.labels["pier.volume"])).toEqual(["data"]);
    const kept = await platform.api.inject({ method: "DELETE", url: `/api/apps/${name}`, headers: platform.auth });
    expect(kept.json()).toMatchObject({ removedVolumes: [], keptVolumes: [volumes[0]!.name] });
    expect(await platform.runtime.listVolumes({ "pier.app": name })).toHaveLength(1);

    // Same name again, then delete with the flag: now the data goes too.
    expect(
      (
        await platform.api.inject({
          method: "POST",
          url: "/api/apps",
          headers: platform.auth,
          payload: { name, repoUrl: repo.url },
        })
      ).statusCode,
    ).toBe(201);
    await deploy();
    const removed = await platform.api.inject({
      method: "DELETE",
      url: `/api/apps/${name}?volumes=true`,
      headers: platform.auth,
    });
    expect(removed.json().removedVolumes).toHaveLength(1);
    // The first app's volume belongs to a different app id: still there, still Pier's, listed by label.
    const left = await platform.runtime.listVolumes({ "pier.app": name });
    expect(left.map((v) => v.name)).toEqual([volumes[0]!.name]);
    await platform.runtime.removeVolume(volumes[0]!.name);
  });

  it("rejects bad volume settings naming the field", async () => {
    const other = `vol-${randomBytes(3).toString("hex")}`;
    await platform.api.inject({
      method: "POST",
      url: "/api/apps",
      headers: platform.auth,
      payload: { name: other, repoUrl: repo.url },
    });
    try {
      const bad = await platform.api.inject({
        method: "PATCH",
        url: `/api/apps/${other}`,
        headers: platform.auth,
        payload: { volumes: [{ name: "Data!", path: "data" }] },
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().fields.map((f: { field: string }) => f.field)).toEqual(
        expect.arrayContaining(["volumes.0.name", "volumes.0.path"]),
      );
      const ok = await platform.api.inject({
        method: "PATCH",
        url: `/api/apps/${other}`,
        headers: platform.auth,
        payload: { volumes: [{ name: "uploads", path: "/srv/uploads" }] },
      });
      expect(ok.json().volumes).toEqual([{ name: "uploads", path: "/srv/uploads" }]);
    } finally {
      await platform.api.inject({ method: "DELETE", url: `/api/apps/${other}`, headers: platform.auth });
    }
  });
});
