import { describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** `docker compose` (v2 plugin) where installed, else Debian's docker-compose. */
function compose(args: string[], env: Record<string, string>): string {
  const options = { cwd: root, encoding: "utf8" as const, env: { ...process.env, ...env }, stdio: "pipe" as const };
  try {
    execFileSync("docker", ["compose", "version"], { stdio: "ignore" });
    return execFileSync("docker", ["compose", ...args], options);
  } catch {
    return execFileSync("docker-compose", args, options);
  }
}

describe("docker-compose.yml (the production path)", () => {
  it("passes `docker compose config` and runs api, worker and router with the Docker socket for the worker", () => {
    const config = compose(["config"], { PIER_ADMIN_TOKEN: "a-production-token-0123" });
    for (const service of ["postgres", "redis", "migrate", "api", "worker", "router"]) expect(config).toMatch(new RegExp(`^  ${service}:`, "m"));
    expect(config).toContain("/var/run/docker.sock:/var/run/docker.sock");
    expect(config).toContain("prisma");
  });

  it("refuses to start without an admin token", () => {
    expect(() => compose(["config", "-q"], { PIER_ADMIN_TOKEN: "" })).toThrow(/PIER_ADMIN_TOKEN/);
  });
});
