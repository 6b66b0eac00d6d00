import { describe, expect, it } from "vitest";
import { checkRepoUrl } from "../src/repo-url.ts";

const policy = { allowFileRepos: false, allowedHosts: ["github.com"] };

describe("checkRepoUrl", () => {
  it.each(["https://github.com/owner/repo.git", "https://github.com/owner/repo", "https://GITHUB.com/o/r.git"])(
    "accepts %s",
    (url) => {
      expect(checkRepoUrl(url, policy).ok).toBe(true);
    },
  );

  it.each([
    ["ext::sh -c touch /tmp/x", /spaces/],
    ["ext::git-remote-x", /scheme ext/],
    ["--upload-pack=touch /tmp/x", /not an option/],
    ["-u", /not an option/],
    ["file:///srv/repo", /disabled/],
    ["https://gitlab.com/o/r.git", /host gitlab.com is not allowed/],
    ["https://github.com:8443/o/r.git", /port/],
    ["https://x:y@github.com/o/r.git", /credentials/],
    ["git://github.com/o/r.git", /scheme git/],
    ["ssh://git@github.com/o/r.git", /scheme ssh/],
    ["https://github.com/o/r.git?x=1", /query/],
    ["https://github.com/", /repository path/],
    ["", /empty/],
    ["not a url", /spaces/],
    ["relative/path", /https:\/\//],
  ])("refuses %s", (url, reason) => {
    const result = checkRepoUrl(url, policy);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });

  it("allows file:// only when enabled, and only local paths", () => {
    const open = { ...policy, allowFileRepos: true };
    expect(checkRepoUrl("file:///tmp/repo", open)).toEqual({ ok: true, url: "file:///tmp/repo" });
    expect(checkRepoUrl("file://host/tmp/repo", open).ok).toBe(false);
  });
});
