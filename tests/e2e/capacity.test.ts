import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testApps } from "../support/apps.ts";
import { getViaRouter } from "../support/http.ts";
import { startPlatform, type Platform } from "../support/platform.ts";

const server = (version: string) => ({
  "package.json": JSON.stringify({ name: "cap", scripts: { start: "node server.js" } }),
  "server.js":
    `require("http").createServer((q, s) => s.end(${JSON.stringify(version)}))` +
    ".listen(Number(process.env.PORT));\n",
});

describe("replicas are admitted by memory, one rule for scaling by hand and deploying", () => {
  let platform: Platform;
  const apps = testApps(() => platform, "cap");
  let reserveMb: number;

  beforeAll(async () => {
    platform = await startPlatform();
    reserveMb = platform.config.PIER_RESERVED_MEMORY_MB;
  });
  afterAll(async () => {
    platform.config.PIER_RESERVED_MEMORY_MB = reserveMb;
    await apps.cleanup();
    await platform.close();
  });

  /** The operator keeps more in reserve than the machine has: the API and the worker read the same config. */
  const reserveEverything = () => {
    platform.config.PIER_RESERVED_MEMORY_MB = 100_000_000;
  };

  it("refuses a scale-up and a deployment the machine can't hold, naming the figure; v1 keeps serving", async () => {
    const { name, repo } = await apps.create(server("v1"));
    expect((await apps.deploy(name)).status).toBe("READY");
    const scale = (replicas: number) =>
      platform.api.inject({
        method: "POST",
        url: `/api/apps/${name}/scale`,
        headers: platform.auth,
        payload: { replicas },
      });

    reserveEverything();
    const refused = await scale(2);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      fields: [{ field: "replicas" }],
      message: expect.stringMatching(/not enough memory: .*PIER_RESERVED_MEMORY_MB.*room for 0 of 1 more/),
    });
    // Scaling down needs no room.
    expect((await scale(1)).statusCode).toBe(200);

    await repo.commit(server("v2"), "v2");
    const v2 = await apps.deploy(name);
    expect(v2.status).toBe("FAILED");
    expect(v2.reason).toMatch(/^Can't start 1 replica\(s\): not enough memory/);
    expect((await getViaRouter(platform.routerPort, `${name}.localhost`)).body).toBe("v1");

    platform.config.PIER_RESERVED_MEMORY_MB = reserveMb;
    const grown = await scale(2);
    expect(grown.statusCode).toBe(200);
    expect(grown.json()).toMatchObject({ replicas: { desired: 2, running: 2 } });
    const app = await platform.prisma.app.findUniqueOrThrow({ where: { name } });
    const decisions = await platform.prisma.scaleDecision.findMany({
      where: { appId: app.id },
      orderBy: { at: "asc" },
    });
    expect(decisions.map((d) => [d.by, d.fromReplicas, d.toReplicas])).toEqual([
      ["api", 1, 1],
      ["api", 1, 2],
    ]);
  });

  it("takes a per-app memory request, and names the field when it is wrong", async () => {
    const { name } = await apps.create(server("v1"));
    const patch = (payload: object) =>
      platform.api.inject({ method: "PATCH", url: `/api/apps/${name}`, headers: platform.auth, payload });
    const set = await patch({ memoryRequestMb: 96 });
    expect(set.statusCode).toBe(200);
    expect(set.json()).toMatchObject({ memoryRequestMb: 96 });
    const wrong = await patch({ memoryRequestMb: 0 });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({ fields: [{ field: "memoryRequestMb", message: "must be 1 MB or more" }] });
    expect((await patch({ memoryRequestMb: null })).json()).toMatchObject({ memoryRequestMb: null });
  });
});
