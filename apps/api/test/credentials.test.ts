import { createPrismaClient } from "@pier/db";
import { execFileSync } from "node:child_process";
import { generateKeyPairSync, randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testConfig } from "../../../tests/support/platform.ts";
import { buildApp } from "../src/build-app.ts";
import { neededScope } from "../src/plugins/app/scopes.ts";

/** An SSH key pair made by ssh-keygen (ed25519), optionally with a passphrase. */
function sshKey(passphrase = ""): string {
  const dir = mkdtempSync(path.join(tmpdir(), "pier-test-key-"));
  try {
    execFileSync("ssh-keygen", ["-q", "-t", "ed25519", "-N", passphrase, "-C", "test", "-f", path.join(dir, "k")]);
    return readFileSync(path.join(dir, "k"), "utf8");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("repository credentials and the GitHub App settings", () => {
  let app: FastifyInstance;
  const config = testConfig();
  const prisma = createPrismaClient(config.DATABASE_URL);
  const auth = { authorization: `Bearer ${config.PIER_ADMIN_TOKEN}` };
  const name = `cred-${randomBytes(3).toString("hex")}`;
  const token = `ghp_${randomBytes(16).toString("hex")}`;
  const ask = (method: "GET" | "PUT" | "DELETE", url: string, payload?: object) =>
    app.inject({ method, url, headers: auth, ...(payload ? { payload } : {}) });

  beforeAll(async () => {
    app = await buildApp(config, { logger: false });
    const made = await app.inject({
      method: "POST",
      url: "/api/apps",
      headers: auth,
      payload: { name, repoUrl: "https://github.com/pier-dev/private.git" },
    });
    expect(made.statusCode).toBe(201);
  });
  afterAll(async () => {
    await ask("DELETE", `/api/apps/${name}`);
    await app.close();
    await prisma.$disconnect();
  });

  it("stores a token sealed, answers only its kind and last 4 characters, and never the token", async () => {
    expect((await ask("GET", `/api/apps/${name}/credentials`)).json()).toEqual({ credential: null });
    const set = await ask("PUT", `/api/apps/${name}/credentials`, { token });
    expect(set.statusCode).toBe(200);
    expect(set.json().credential).toMatchObject({ kind: "TOKEN", hint: `…${token.slice(-4)}` });
    const shown = await ask("GET", `/api/apps/${name}/credentials`);
    expect(shown.json().credential).toMatchObject({ kind: "TOKEN" });
    const stored = await prisma.appCredential.findFirstOrThrow({ where: { app: { name } } });
    expect(stored.secret).toMatch(/^enc:v1:/);
    const answers = [set.body, shown.body, (await ask("GET", `/api/apps/${name}`)).body];
    answers.push((await ask("GET", "/api/audit?limit=50")).body, JSON.stringify(stored));
    for (const answer of answers) expect(answer).not.toContain(token);
  });

  it("refuses neither or both, and a deploy key that is not an SSH private key, naming the field", async () => {
    const neither = await ask("PUT", `/api/apps/${name}/credentials`, {});
    expect(neither.statusCode).toBe(400);
    expect(neither.json().message).toMatch(/exactly one of "token" and "deployKey"/);
    const both = await ask("PUT", `/api/apps/${name}/credentials`, { token, deployKey: sshKey() });
    expect(both.statusCode).toBe(400);
    for (const deployKey of ["not a key", sshKey("a passphrase"), token]) {
      const refused = await ask("PUT", `/api/apps/${name}/credentials`, { deployKey });
      expect(refused.statusCode).toBe(400);
      expect(refused.json()).toMatchObject({
        fields: [{ field: "deployKey" }],
        message: expect.stringMatching(/^deployKey: /),
      });
      if (deployKey.length > 40) expect(refused.body).not.toContain(deployKey.slice(20, 40));
    }
  });

  it("stores a deploy key with its fingerprint as the hint, and removes it", async () => {
    const key = sshKey();
    const set = await ask("PUT", `/api/apps/${name}/credentials`, { deployKey: key });
    expect(set.statusCode).toBe(200);
    expect(set.json().credential).toMatchObject({ kind: "DEPLOY_KEY", hint: expect.stringMatching(/^SHA256:/) });
    expect(set.body).not.toContain(key.split("\n")[1]);
    expect((await ask("DELETE", `/api/apps/${name}/credentials`)).json()).toEqual({ credential: null });
    const again = await ask("DELETE", `/api/apps/${name}/credentials`);
    expect(again.statusCode).toBe(404);
  });

  it("takes ssh repo URLs only once the app has a deploy key", async () => {
    const ssh = { repoUrl: "git@github.com:pier-dev/private.git" };
    const refused = await app.inject({ method: "PATCH", url: `/api/apps/${name}`, headers: auth, payload: ssh });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().message).toMatch(/deploy key/);
    await ask("PUT", `/api/apps/${name}/credentials`, { deployKey: sshKey() });
    const taken = await app.inject({ method: "PATCH", url: `/api/apps/${name}`, headers: auth, payload: ssh });
    expect(taken.statusCode).toBe(200);
    expect(taken.json().repoUrl).toBe(ssh.repoUrl);
    await app.inject({
      method: "PATCH",
      url: `/api/apps/${name}`,
      headers: auth,
      payload: { repoUrl: "https://github.com/pier-dev/private.git" },
    });
    await ask("DELETE", `/api/apps/${name}/credentials`);
  });

  it("configures the GitHub App with a PEM key it never answers back", async () => {
    const privateKey = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({
      type: "pkcs1",
      format: "pem",
    }) as string;
    const refused = await ask("PUT", "/api/settings/github-app", { appId: "123", privateKey: "-----BEGIN nope" });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().fields).toEqual([expect.objectContaining({ field: "privateKey" })]);
    const before = (await ask("GET", "/api/settings/github-app")).json();
    try {
      const set = await ask("PUT", "/api/settings/github-app", { appId: 123, privateKey });
      expect(set.json()).toMatchObject({ configured: true, appId: "123" });
      const shown = await ask("GET", "/api/settings/github-app");
      expect(shown.json()).toMatchObject({ configured: true, appId: "123" });
      const keyLine = privateKey.split("\n")[1]!;
      for (const body of [set.body, shown.body]) expect(body).not.toContain(keyLine);
      const stored = await prisma.githubAppSettings.findFirstOrThrow();
      expect(stored.privateKey).toMatch(/^enc:v1:/);
    } finally {
      // The settings are one row of a database other tests share: leave them as they were.
      if (!before.configured) expect((await ask("DELETE", "/api/settings/github-app")).json().configured).toBe(false);
    }
  });

  it("asks the admin scope for every credential route, reads included", () => {
    for (const [method, route] of [
      ["GET", "/api/apps/:name/credentials"],
      ["PUT", "/api/apps/:name/credentials"],
      ["DELETE", "/api/apps/:name/credentials"],
      ["GET", "/api/settings/github-app"],
      ["PUT", "/api/settings/github-app"],
      ["DELETE", "/api/settings/github-app"],
    ] as const)
      expect(neededScope(method, route).need).toBe("admin");
  });
});
