import { describe, expect, it } from "vitest";
import { parseChallenge, tokenUrl } from "../src/registry/challenge.ts";
import { isImageId, parseRegistryAddress, splitImageName } from "../src/registry/reference.ts";
import { RegistryClient } from "../src/registry/registry-client.ts";

describe("registry addresses and Pier's image names", () => {
  it("an address is a host with an optional port and path; image references go under it", () => {
    expect(parseRegistryAddress("10.216.0.1:5000")).toEqual({ host: "10.216.0.1:5000", path: "" });
    expect(parseRegistryAddress("registry.example.com/team/ci/")).toEqual({
      host: "registry.example.com",
      path: "team/ci",
    });
    const client = new RegistryClient({ address: "registry.example.com/team/", insecure: false });
    expect(client.imageRef("pier/web:3f2a9c1b2d4e")).toBe("registry.example.com/team/pier/web:3f2a9c1b2d4e");
    expect(client.authConfig()).toBeUndefined();
    const withAuth = new RegistryClient({
      address: "r.example.com:5443/x",
      username: "u",
      password: "p",
      insecure: false,
    });
    expect(withAuth.authConfig()).toEqual({ username: "u", password: "p", serveraddress: "r.example.com:5443" });
  });

  it("a tag splits into repository and tag (or digest); a local image id is no tag", () => {
    expect(splitImageName("pier/web:3f2a9c1b2d4e")).toEqual({ repository: "pier/web", reference: "3f2a9c1b2d4e" });
    expect(splitImageName("10.0.0.1:5000/pier/web")).toEqual({
      repository: "10.0.0.1:5000/pier/web",
      reference: "latest",
    });
    const digest = `sha256:${"a".repeat(64)}`;
    expect(splitImageName(`pier/web@${digest}`)).toEqual({ repository: "pier/web", reference: digest });
    expect(isImageId(digest)).toBe(true);
    expect(isImageId("pier/web:build-stage")).toBe(false);
  });
});

describe("a registry's WWW-Authenticate challenge", () => {
  it("Bearer (Docker Hub's form): realm, service and a scope with commas in it", () => {
    const header =
      'Bearer realm="https://auth.docker.io/token",service="registry.docker.io",' +
      'scope="repository:pier/web:pull,push"';
    const challenge = parseChallenge(header);
    expect(challenge).toEqual({
      scheme: "bearer",
      realm: "https://auth.docker.io/token",
      service: "registry.docker.io",
      scope: "repository:pier/web:pull,push",
    });
    if (challenge?.scheme !== "bearer") throw new Error("not bearer");
    expect(tokenUrl(challenge, "repository:pier/web:delete")).toBe(
      "https://auth.docker.io/token?service=registry.docker.io&scope=repository%3Apier%2Fweb%3Adelete",
    );
  });

  it("Basic, and what no client can follow", () => {
    expect(parseChallenge('Basic realm="pier-registry"')).toEqual({ scheme: "basic", realm: "pier-registry" });
    expect(parseChallenge("Bearer service=x")).toBeNull(); // no realm to ask
    expect(parseChallenge("Negotiate")).toBeNull();
    expect(parseChallenge(null)).toBeNull();
  });
});
