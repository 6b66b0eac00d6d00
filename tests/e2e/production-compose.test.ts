import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LABELS } from "@pier/shared";
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { npmApp } from "../support/app-shapes.ts";
import { compose, composeAsync } from "../support/compose.ts";
import { eventually } from "../support/eventually.ts";
import { createTestRepo, type TestRepo } from "../support/git-repo.ts";
import { getViaRouter } from "../support/http.ts";
import { freePorts } from "../support/free-port.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const run = promisify(execFile);

describe("docker-compose.yml (the production path)", () => {
  it("passes `docker compose config` and runs api, worker, controller and router with the Docker socket", () => {
    const config = compose(["config"], { cwd: root, env: { PIER_ADMIN_TOKEN: "a-production-token-0123" } });
    for (const service of ["postgres", "redis", "migrate", "api", "worker", "controller", "router"])
      expect(config).toMatch(new RegExp(`^  ${service}:`, "m"));
    expect(config.match(/\/var\/run\/docker\.sock:\/var\/run\/docker\.sock/g)).toHaveLength(4);
    expect(config).toContain("packages/db/src/migrate/cli.ts");
    // Production's defaults, when nothing overrides them.
    for (const image of ["postgres:16-bookworm", "redis:7-bookworm", "pier/platform:latest"])
      expect(config).toContain(`image: ${image}`);
    expect(config).toContain("NODE_IMAGE: node:20-bookworm-slim");
    expect(config).toMatch(/PIER_ROUTER_PORT: ['"]?80['"]?$/m); // compose v1 quotes with ', v2 with "
    expect(config).toMatch(/PIER_ROUTER_TLS_PORT: ['"]?443['"]?$/m);
  });

  it("refuses to start without an admin token", () => {
    expect(() => compose(["config", "-q"], { cwd: root, env: { PIER_ADMIN_TOKEN: "" } })).toThrow(/PIER_ADMIN_TOKEN/);
  });
});

/** A realistic app: an npm lockfile with a dependency from the registry, and a value from its env (sealed at rest). */
const bootApp = {
  ...npmApp("unused"),
  "server.js": `const http = require("http");
const ms = require("ms");
http.createServer((req, res) => {
  res.writeHead(200, { "content-type": "text/plain" });
  res.end(process.env.GREETING + " " + ms("2h") + "\\n");
}).listen(Number(process.env.PORT));
process.on("SIGTERM", () => process.exit(0));
`,
};

interface DeploymentView {
  id: string;
  status: string;
  reason: string | null;
  imageTag: string | null;
}

// Builds Pier's image from the Dockerfile and boots every service of docker-compose.yml under a project of its
// own (own volumes, network, database name and ports; the router not on 80), with the images this machine can
// have: PostgreSQL and Redis from Debian's packages (scripts/setup/local-images.sh) unless PIER_TEST_POSTGRES_IMAGE
// and PIER_TEST_REDIS_IMAGE name others, and Pier's image FROM the local Node image. Then it deploys an app
// through the API and reads it through the router, as an operator's first hour would.
describe("docker-compose.yml boots: migrate, api, worker, controller and router deploy and serve an app", () => {
  const suffix = randomBytes(3).toString("hex");
  const project = `pier-boot-${suffix}`;
  const appName = `boot-${suffix}`;
  const adminToken = randomBytes(24).toString("hex");
  const nodeImage = process.env.PIER_TEST_NODE_IMAGE ?? "pier-local/node:20-bookworm-slim";
  let settings: Record<string, string> = {};
  let ports = { api: 0, router: 0, routerTls: 0, postgres: 0, redis: 0 };
  let workDir = "";
  let repo: (TestRepo & { sha: string }) | undefined;
  let started = false;

  const composeFiles = () => [
    "-p",
    project,
    "-f",
    "docker-compose.yml",
    "-f",
    path.join(workDir, "docker-compose.test.json"),
  ];
  const composeRun = (args: string[], timeoutMs: number) =>
    composeAsync([...composeFiles(), ...args], { cwd: root, env: settings, timeoutMs });

  /** Runs `step`; if it fails, the error carries the end of every service's log. */
  async function withLogs<T>(step: Promise<T>): Promise<T> {
    try {
      return await step;
    } catch (error) {
      const logs = await composeRun(["logs", "--no-color", "--tail=30"], 60_000).catch(
        (e: Error) => `(compose logs failed too: ${e.message})`,
      );
      throw new Error(`${(error as Error).message}\n--- compose logs ---\n${logs}`, { cause: error });
    }
  }

  function api(method: string, url: string, body?: unknown): Promise<Response> {
    const headers: Record<string, string> = { authorization: `Bearer ${adminToken}` };
    if (body !== undefined) headers["content-type"] = "application/json";
    return fetch(`http://127.0.0.1:${ports.api}${url}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(10_000),
    });
  }

  beforeAll(async () => {
    workDir = await mkdtemp(path.join(tmpdir(), "pier-boot-"));
    repo = await createTestRepo(bootApp);
    const [apiPort, routerPort, postgresPort, redisPort, routerTlsPort] = await freePorts(5);
    ports = {
      api: apiPort!,
      router: routerPort!,
      routerTls: routerTlsPort!,
      postgres: postgresPort!,
      redis: redisPort!,
    };

    let databaseImages = {
      POSTGRES_IMAGE: process.env.PIER_TEST_POSTGRES_IMAGE ?? "",
      REDIS_IMAGE: process.env.PIER_TEST_REDIS_IMAGE ?? "",
    };
    if (!databaseImages.POSTGRES_IMAGE || !databaseImages.REDIS_IMAGE) {
      const { stdout } = await run("bash", [path.join(root, "scripts/setup/local-images.sh")], {
        encoding: "utf8",
        timeout: 300_000,
      });
      databaseImages = Object.fromEntries(
        stdout
          .trim()
          .split("\n")
          .map((line) => line.split("=", 2)),
      ) as typeof databaseImages;
    }

    // Pier's image must trust what this machine trusts (behind a TLS-intercepting proxy: a CA Debian's bundle
    // lacks) for its own `npm ci` and for the app builds its worker runs. Written only when it changed, so the
    // layer cache holds.
    const hostBundle = process.env.NODE_EXTRA_CA_CERTS ?? "/etc/ssl/certs/ca-certificates.crt";
    const bundleInContext = path.join(root, "docker/ca-certificates/host-bundle.crt");
    if (existsSync(hostBundle)) {
      const wanted = await readFile(hostBundle, "utf8");
      if (!existsSync(bundleInContext) || (await readFile(bundleInContext, "utf8")) !== wanted)
        await writeFile(bundleInContext, wanted);
    }

    settings = {
      PATH: process.env.PATH ?? "/usr/local/bin:/usr/bin:/bin",
      HOME: process.env.HOME ?? "/root",
      ...(process.env.DOCKER_HOST ? { DOCKER_HOST: process.env.DOCKER_HOST } : {}),
      ...databaseImages,
      NODE_IMAGE: nodeImage,
      // Not production's tag: the dev machine's own image stays as it is.
      PIER_IMAGE: "pier-test/platform:compose-boot",
      POSTGRES_DB: "pier_boot",
      POSTGRES_PASSWORD: randomBytes(12).toString("hex"),
      POSTGRES_PORT: String(ports.postgres),
      REDIS_PORT: String(ports.redis),
      PIER_API_PORT: String(ports.api),
      PIER_ROUTER_PORT: String(ports.router),
      PIER_ROUTER_TLS_PORT: String(ports.routerTls),
      // Operator certificates: none here (not the host's /etc/pier/certs).
      PIER_CERTS_DIR: workDir,
      PIER_ADMIN_TOKEN: adminToken,
      PIER_DOMAIN: "localhost",
      PIER_PUBLIC_URL: `http://127.0.0.1:${ports.api}`,
      PIER_PUBLIC_ROUTER_URL: `http://localhost:${ports.router}`,
      // Builds run on the host's engine (through the socket), so this is an image of the host's engine.
      PIER_NODE_IMAGE: nodeImage,
      PIER_SECRETS_KEY: "",
    };
    // What only a test needs: deploys from a local repository (mounted at the same path where it is cloned), and a
    // controller that touches only this test's app (other tests' apps run on the same engine).
    const testOnly = { PIER_ALLOW_FILE_REPOS: "1", PIER_CONTROLLER_APP_PREFIX: appName };
    const repoMount = `${repo.dir}:${repo.dir}:ro`;
    const override = {
      services: {
        api: { environment: testOnly, volumes: [repoMount] },
        worker: { environment: testOnly, volumes: [repoMount] },
        controller: { environment: testOnly },
        router: { environment: testOnly },
      },
    };
    await writeFile(path.join(workDir, "docker-compose.test.json"), JSON.stringify(override, null, 2));

    const buildStarted = Date.now();
    await composeRun(["build", "migrate"], 900_000);
    console.log(`compose boot: Pier's image built in ${((Date.now() - buildStarted) / 1000).toFixed(1)} s`);
    const upStarted = Date.now();
    started = true;
    await withLogs(composeRun(["up", "-d", "--no-build"], 300_000));
    let lastHealth = "no answer yet";
    await withLogs(
      eventually(
        async () => {
          const res = await api("GET", "/healthz").catch((error: Error) => error);
          lastHealth =
            res instanceof Error ? `${res.message} (${String(res.cause)})` : `${res.status} ${await res.text()}`;
          return !(res instanceof Error) && res.ok;
        },
        `the API answers /healthz on 127.0.0.1:${ports.api} with 200`,
        90_000,
        500,
      ).catch((error: Error) => {
        throw new Error(`${error.message}; the last answer: ${lastHealth}`);
      }),
    );
    console.log(`compose boot: services up and the API healthy in ${((Date.now() - upStarted) / 1000).toFixed(1)} s`);
  }, 1_200_000);

  afterAll(async () => {
    const problems: string[] = [];
    const attempt = async (what: string, step: () => Promise<unknown>) => {
      try {
        await step();
      } catch (error) {
        problems.push(`${what}: ${(error as Error).message}`);
      }
    };
    if (started) {
      await attempt("delete the app through the API", async () => {
        const res = await api("DELETE", `/api/apps/${appName}`);
        if (!res.ok && res.status !== 404) throw new Error(`status ${res.status}: ${await res.text()}`);
      });
      await attempt("compose down", () =>
        composeRun(["down", "--volumes", "--remove-orphans", "--timeout", "10"], 180_000),
      );
    }
    // The worker starts the app's containers on the host's engine, outside the compose project: whatever is left.
    await attempt("remove the app's containers", async () => {
      const { stdout } = await run("docker", ["ps", "-aq", "--filter", `label=${LABELS.app}=${appName}`], {
        encoding: "utf8",
      });
      const ids = stdout.split("\n").filter(Boolean);
      if (ids.length) await run("docker", ["rm", "-f", "-v", ...ids]);
    });
    await attempt("remove the app's images", async () => {
      const { stdout } = await run("docker", ["images", "-q", "--filter", `reference=pier/${appName}`], {
        encoding: "utf8",
      });
      const ids = [...new Set(stdout.split("\n").filter(Boolean))];
      if (ids.length) await run("docker", ["rmi", "-f", ...ids]);
    });
    await attempt("remove the test repository", async () => repo?.remove());
    if (workDir) await attempt("remove the work directory", () => rm(workDir, { recursive: true, force: true }));
    if (problems.length) throw new Error(`tearing down compose project ${project}:\n${problems.join("\n")}`);
  }, 300_000);

  it("the API answers with its database, Redis and the host's Docker engine healthy", async () => {
    const res = await api("GET", "/healthz");
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      ok: true,
      database: { ok: true },
      redis: { ok: true },
      docker: { ok: true },
    });
  });

  it("deploys an npm app with a dependency and a sealed env value through the API; the router serves it", async () => {
    const created = await api("POST", "/api/apps", { name: appName, repoUrl: repo!.url });
    expect(created.status, await created.clone().text()).toBe(201);
    const env = await api("PUT", `/api/apps/${appName}/env`, { vars: { GREETING: "hello from compose" } });
    expect(env.status, await env.clone().text()).toBe(200);
    const deploy = await api("POST", `/api/apps/${appName}/deploy`);
    expect(deploy.status, await deploy.clone().text()).toBe(202);
    const { id } = (await deploy.json()) as { id: string };

    const deployStarted = Date.now();
    const deployment = await withLogs(
      eventually(
        async () => {
          const view = (await (await api("GET", `/api/deployments/${id}`)).json()) as DeploymentView;
          return ["READY", "FAILED", "CANCELLED"].includes(view.status) ? view : null;
        },
        `deployment ${id} ends`,
        240_000,
        500,
      ),
    );
    if (deployment.status !== "READY") {
      const logs = (await (await api("GET", `/api/deployments/${id}/logs`)).json()) as {
        lines: Array<{ line: string }>;
      };
      throw new Error(
        `deployment ${deployment.status}: ${deployment.reason}\n${logs.lines.map((l) => l.line).join("\n")}`,
      );
    }
    console.log(`compose boot: app built and deployed in ${((Date.now() - deployStarted) / 1000).toFixed(1)} s`);

    const served = await withLogs(
      eventually(
        async () => {
          const res = await getViaRouter(ports.router, `${appName}.localhost`);
          return res.status === 200 ? res : null;
        },
        `the router on 127.0.0.1:${ports.router} serves ${appName}.localhost`,
        30_000,
        250,
      ),
    );
    expect(served.body).toBe("hello from compose 7200000\n");
  }, 360_000);
});
