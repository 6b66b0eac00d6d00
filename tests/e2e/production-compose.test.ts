import { describe, expect, it } from "vitest";
import { compose } from "../support/compose.ts";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

describe("docker-compose.yml (the production path)", () => {
  it("passes `docker compose config` and runs api, worker and router with the Docker socket for the worker", () => {
    const config = compose(["config"], { cwd: root, env: { PIER_ADMIN_TOKEN: "a-production-token-0123" } });
    for (const service of ["postgres", "redis", "migrate", "api", "worker", "controller", "router"]) expect(config).toMatch(new RegExp(`^  ${service}:`, "m"));
    expect(config).toContain("/var/run/docker.sock:/var/run/docker.sock");
    expect(config).toContain("prisma");
  });

  it("refuses to start without an admin token", () => {
    expect(() => compose(["config", "-q"], { cwd: root, env: { PIER_ADMIN_TOKEN: "" } })).toThrow(/PIER_ADMIN_TOKEN/);
  });
});
