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
    ["git@github.com:o/r.git", /deploy key/],
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

  it("allows ssh URLs only for an app with a deploy key, to allowed hosts", () => {
    const withKey = { ...policy, allowSsh: true };
    expect(checkRepoUrl("git@github.com:o/r.git", withKey)).toEqual({ ok: true, url: "git@github.com:o/r.git" });
    expect(checkRepoUrl("ssh://git@github.com/o/r.git", withKey).ok).toBe(true);
    expect(checkRepoUrl("git@gitlab.com:o/r.git", withKey)).toMatchObject({ ok: false, reason: /gitlab.com/ });
    expect(checkRepoUrl("git@github.com:-oProxyCommand=x", withKey).ok).toBe(false);
    expect(checkRepoUrl("ssh://-oProxyCommand=x@github.com/o/r", withKey).ok).toBe(false);
    expect(checkRepoUrl("ssh://git:pw@github.com/o/r.git", withKey)).toMatchObject({ reason: /credentials/ });
    expect(checkRepoUrl("ssh://git@github.com:2222/o/r.git", withKey)).toMatchObject({ reason: /port/ });
  });

  it("allows a port listed with its host (host:port in PIER_GIT_HOSTS)", () => {
    const local = { ...policy, allowedHosts: ["127.0.0.1:8443"], allowSsh: true };
    expect(checkRepoUrl("https://127.0.0.1:8443/o/r.git", local).ok).toBe(true);
    expect(checkRepoUrl("ssh://git@127.0.0.1:8443/o/r.git", local).ok).toBe(true);
    expect(checkRepoUrl("https://127.0.0.1:9999/o/r.git", local)).toMatchObject({ reason: /port/ });
    expect(checkRepoUrl("https://127.0.0.1/o/r.git", local)).toMatchObject({ reason: /not allowed/ });
  });
});
