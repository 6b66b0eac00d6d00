import { buildStageTag, LABELS } from "@pier/shared";
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { logText, waitForStatus, type DeploymentView } from "../../../tests/support/deployments.ts";
import { createTestRepo, nodeAppFiles, type TestRepo } from "../../../tests/support/git-repo.ts";
import { startPlatform, testConfig, type Platform } from "../../../tests/support/platform.ts";

// One app, deployed for real (a tiny Node app with a volume), redeployed from an older deployment, then deleted:
// nothing of it may be left on the engine or in the database but the audit log's record.
describe("redeploying a deployment, and deleting an app", () => {
  let platform: Platform;
  let repo: TestRepo & { sha: string };
  let appId = "";
  let first: DeploymentView;
  const name = `del-${randomBytes(3).toString("hex")}`;
  const files = {
    ...nodeAppFiles("version 1"),
    "pier.json": JSON.stringify({ volumes: [{ name: "data", path: "/data" }] }),
  };

  const api = (method: "GET" | "POST" | "PUT" | "DELETE", url: string, payload?: object) =>
    platform.api.inject({ method, url, headers: platform.auth, ...(payload ? { payload } : {}) });

  beforeAll(async () => {
    platform = await startPlatform(testConfig());
    repo = await createTestRepo(files, "version 1");
    const created = await api("POST", "/api/apps", { name, repoUrl: repo.url });
    expect(created.statusCode, created.body).toBe(201);
    appId = created.json().id;
    first = await waitForStatus(platform.api, platform.auth, (await api("POST", `/api/apps/${name}/deploy`)).json().id);
    expect(first.status, first.reason ?? "").toBe("READY");
  });
  afterAll(async () => {
    await api("DELETE", `/api/apps/${name}?volumes=true`);
    await platform.close();
    await repo.remove();
  });

  it("Redeploy of a deployment builds that deployment's commit, not the branch head, and says so", async () => {
    const head = await repo.commit(nodeAppFiles("version 2"), "version 2");
    const res = await api("POST", `/api/deployments/${first.id}/redeploy`);
    expect(res.statusCode, res.body).toBe(202);
    const answer = res.json();
    expect(answer).toMatchObject({ redeployOf: first.id, commitSha: repo.sha, commitMessage: "version 1" });
    expect(answer.message).toContain(`commit ${repo.sha.slice(0, 7)} of deployment ${first.shortId}`);
    expect(answer.message).toContain("not the head of main");
    const again = await waitForStatus(platform.api, platform.auth, answer.id);
    expect(again.status, again.reason ?? "").toBe("READY");
    expect(again.commitSha).toBe(repo.sha);
    expect(again.commitSha).not.toBe(head);
    expect(await logText(platform.api, platform.auth, again.id)).toContain(`at ${repo.sha}`);
  });

  it("a deployment that never resolved its commit can't be redeployed: 409, naming the way out", async () => {
    const id = `${appId.slice(0, 10)}${randomBytes(3).toString("hex")}`;
    await platform.prisma.deployment.create({
      data: { id, shortId: id.slice(0, 8), appId, trigger: "API", branch: "main", status: "FAILED" },
    });
    const res = await api("POST", `/api/deployments/${id}/redeploy`);
    expect(res.statusCode, res.body).toBe(409);
    expect(res.body).toContain(`pier deploy ${name}`);
  });

  it("deleting it (volumes=true) leaves no container, image, volume, route, env var or credential", async () => {
    const labels = { [LABELS.managed]: "true", [LABELS.appId]: appId };
    expect((await api("PUT", `/api/apps/${name}/env`, { vars: { API_KEY: "s3cret-value" } })).statusCode).toBe(200);
    expect((await api("PUT", `/api/apps/${name}/credentials`, { token: "tok-0123456789" })).statusCode).toBe(200);
    const recorded = await platform.prisma.deployment.findMany({ where: { appId }, select: { imageTag: true } });
    const tags = [...new Set(recorded.flatMap((d) => (d.imageTag ? [d.imageTag] : [])))];
    expect(tags.length).toBeGreaterThan(0);
    // What there is to remove, so the checks below can't pass on an app that had nothing.
    expect((await platform.runtime.listContainers(labels, { all: true })).length).toBeGreaterThan(0);
    expect((await platform.runtime.listImages(labels)).length).toBeGreaterThan(0);
    expect((await platform.runtime.listVolumes(labels)).length).toBe(1);

    // A row naming an image that isn't the app's (a base image under a tag of its own) must not take it along.
    const base = process.env.PIER_TEST_NODE_IMAGE ?? "pier-local/node:24-bookworm-slim";
    const notOurs = `pier-test/not-${name}:kept`;
    execFileSync("docker", ["tag", base, notOurs]);
    const baseId = (await platform.runtime.inspectImage(base))?.id;
    expect(baseId).toBeTruthy();
    const stray = randomBytes(8).toString("hex");
    await platform.prisma.deployment.create({
      data: { id: stray, shortId: stray.slice(0, 8), appId, trigger: "API", branch: "main", status: "FAILED" },
    });
    await platform.prisma.deployment.update({ where: { id: stray }, data: { imageTag: notOurs, imageId: baseId } });

    const res = await api("DELETE", `/api/apps/${name}?volumes=true`);
    expect(res.statusCode, res.body).toBe(200);
    expect(await platform.runtime.imageExists(notOurs)).toBe(true);
    expect(await platform.runtime.imageExists(base)).toBe(true);
    execFileSync("docker", ["rmi", notOurs], { stdio: "ignore" });
    expect(res.json().removedContainers).toBeGreaterThan(0);
    expect(res.json().removedImages).toEqual(expect.arrayContaining(tags));
    expect(res.json().leftImages).toEqual([]);

    expect(await platform.runtime.listContainers(labels, { all: true })).toEqual([]);
    expect(await platform.runtime.listImages(labels)).toEqual([]);
    for (const tag of [...tags, buildStageTag(name)]) expect(await platform.runtime.imageExists(tag)).toBe(false);
    expect(await platform.runtime.listVolumes(labels)).toEqual([]);
    expect(await platform.prisma.envVar.count({ where: { appId } })).toBe(0);
    expect(await platform.prisma.appCredential.count({ where: { appId } })).toBe(0);
    expect(await platform.prisma.deployment.count({ where: { appId } })).toBe(0);
    expect(
      (await platform.api.inject({ method: "GET", url: `/api/apps/${name}`, headers: platform.auth })).statusCode,
    ).toBe(404);

    const audit = await api("GET", `/api/audit?app=${name}&limit=5`);
    const deletion = audit.json().events.find((e: { method: string }) => e.method === "DELETE");
    expect(deletion).toMatchObject({ route: "/api/apps/:name", status: 200 });
    expect(deletion.changes).toEqual([{ field: "app", from: name, to: null }]);
  });
});
