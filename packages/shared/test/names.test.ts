import { describe, expect, it } from "vitest";
import { branchSlug, isValidAppName, isValidBranchName, isValidRootDir } from "../src/names.ts";
import { loadConfig, ConfigError } from "../src/config.ts";
import { redactSecrets } from "../src/redact.ts";

describe("names", () => {
  it.each(["a", "web", "my-app-2", "a".repeat(40)])("app name %s is valid", (n) =>
    expect(isValidAppName(n)).toBe(true),
  );
  it.each(["", "A", "1app", "app-", "-app", "my_app", "a".repeat(41), "my--app", "app.x"])(
    "app name %j is invalid",
    (n) => expect(isValidAppName(n)).toBe(false),
  );

  it.each([
    ["feature/Try_This", "feature-try-this"],
    ["--weird//Branch..", "weird-branch"],
    ["Ünïcode", "n-code"],
    ["a".repeat(80), "a".repeat(63)],
  ])("branch %s slugs to %s", (branch, slug) => expect(branchSlug(branch)).toBe(slug));

  it.each(["main", "release/v2", "feature/x-1"])("branch %s is valid", (b) => expect(isValidBranchName(b)).toBe(true));
  it.each(["", "-x", "--upload-pack=x", "a..b", "a b", "x~1", "x.lock", "a/", "@{x}"])("branch %j is invalid", (b) =>
    expect(isValidBranchName(b)).toBe(false),
  );

  it.each(["", "web", "services/api"])("rootDir %j is valid", (d) => expect(isValidRootDir(d)).toBe(true));
  it.each(["/etc", "../x", "a/../../b", "a//b"])("rootDir %j is invalid", (d) => expect(isValidRootDir(d)).toBe(false));
});

describe("config", () => {
  it("has working defaults", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      PIER_API_PORT: 3000,
      PIER_ROUTER_PORT: 8080,
      PIER_DOMAIN: "localhost",
      PIER_ALLOW_FILE_REPOS: false,
      PIER_GIT_HOSTS: ["github.com"],
    });
  });
  it("names every bad variable", () => {
    try {
      loadConfig({ PIER_API_PORT: "abc", PIER_ALLOW_FILE_REPOS: "yes", PIER_ADMIN_TOKEN: "short" });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const message = (error as Error).message;
      expect(message).toContain("PIER_API_PORT");
      expect(message).toContain("PIER_ALLOW_FILE_REPOS");
      expect(message).toContain("PIER_ADMIN_TOKEN");
    }
  });
});

describe("redactSecrets", () => {
  it("replaces every occurrence, skips tiny values", () => {
    expect(redactSecrets("a=hunter22 b=hunter22 c=ab", ["hunter22", "ab"])).toBe("a=[redacted] b=[redacted] c=ab");
  });
});
