import { describe, expect, it } from "vitest";
import { apiExposureProblem, ConfigError, DEV_ADMIN_TOKEN, isLoopbackHost } from "@pier/shared";
import { buildApp } from "../src/build-app.ts";
import { testConfig } from "../../../tests/support/platform.ts";

describe("the default admin token is only accepted on loopback", () => {
  it("tells loopback addresses from the others", () => {
    for (const host of [
      "127.0.0.1",
      "127.1.2.3",
      "localhost",
      "LOCALHOST",
      "::1",
      "[::1]",
      "0:0:0:0:0:0:0:1",
      "::ffff:127.0.0.1",
    ])
      expect(isLoopbackHost(host), host).toBe(true);
    for (const host of [
      "0.0.0.0",
      "::",
      "[::]",
      "10.0.0.5",
      "192.168.1.2",
      "128.0.0.1",
      "127.example.com",
      "localhost.example.com",
      "pier.internal",
      "",
    ])
      expect(isLoopbackHost(host), host).toBe(false);
  });

  it("names PIER_ADMIN_TOKEN when the default token would listen beyond loopback", () => {
    expect(apiExposureProblem({ PIER_API_HOST: "127.0.0.1", PIER_ADMIN_TOKEN: DEV_ADMIN_TOKEN })).toBeNull();
    expect(apiExposureProblem({ PIER_API_HOST: "0.0.0.0", PIER_ADMIN_TOKEN: "a-secret-of-my-own-0123" })).toBeNull();
    const problem = apiExposureProblem({ PIER_API_HOST: "0.0.0.0", PIER_ADMIN_TOKEN: DEV_ADMIN_TOKEN });
    expect(problem).toMatch(/^PIER_ADMIN_TOKEN: /);
    expect(problem).toContain("PIER_API_HOST=0.0.0.0");
  });

  it("building the API with the default token on 0.0.0.0 throws; on 127.0.0.1 it builds", async () => {
    await expect(
      buildApp(testConfig({ PIER_API_HOST: "0.0.0.0", PIER_ADMIN_TOKEN: DEV_ADMIN_TOKEN }), { logger: false }),
    ).rejects.toThrow(ConfigError);
    await expect(
      buildApp(testConfig({ PIER_API_HOST: "::", PIER_ADMIN_TOKEN: "" }), { logger: false }),
    ).rejects.toThrow(/PIER_ADMIN_TOKEN/);
    const local = await buildApp(testConfig({ PIER_API_HOST: "127.0.0.1", PIER_ADMIN_TOKEN: DEV_ADMIN_TOKEN }), {
      logger: false,
    });
    await local.close();
  });
});
