import { mkdtemp, rm } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { buildApp } from "../../api/src/build-app.ts";
import { testConfig } from "../../../tests/support/platform.ts";
import { runPier, type PierRun } from "./run-pier.ts";

type Method = "GET" | "PUT" | "POST" | "DELETE";

/**
 * A real API listening on a free port, with one app made through it (unless told not to), for running the CLI
 * against.
 */
export interface CliApi {
  api: FastifyInstance;
  /** The API's settings (its admin token, its limits). */
  config: ReturnType<typeof testConfig>;
  apiUrl: string;
  /** XDG_CONFIG_HOME of the CLI runs, a fresh temp dir. */
  configHome: string;
  pier(args: string[], options?: Parameters<typeof runPier>[2]): Promise<PierRun>;
  apiCall(
    method: Method,
    url: string,
    payload?: object,
  ): Promise<{ status: number; body: ReturnType<typeof JSON.parse> }>;
  /** Deletes the app, closes the API, removes the temp dir. */
  close(): Promise<void>;
}

export interface CliApiOptions {
  /** Settings over testConfig()'s, e.g. { PIER_PUBLIC_URL: "" } for an API that knows no public URL. */
  config?: Record<string, string>;
  /** false: make no app, the test makes `appName` itself (through the CLI); close() still deletes it. */
  createApp?: boolean;
}

export async function startCliApi(appName: string, tempPrefix: string, options: CliApiOptions = {}): Promise<CliApi> {
  const config = testConfig(options.config);
  const auth = { authorization: `Bearer ${config.PIER_ADMIN_TOKEN}` };
  const configHome = await mkdtemp(join(tmpdir(), tempPrefix));
  const api = await buildApp(config, { logger: false });
  await api.listen({ host: "127.0.0.1", port: 0 });
  const apiUrl = `http://127.0.0.1:${(api.server.address() as AddressInfo).port}`;
  const apiCall = async (method: Method, url: string, payload?: object) => {
    const res = await api.inject({ method, url, headers: auth, ...(payload ? { payload } : {}) });
    return { status: res.statusCode, body: res.json() };
  };
  const close = async () => {
    await api.inject({ method: "DELETE", url: `/api/apps/${appName}`, headers: auth });
    await api.close();
    await rm(configHome, { recursive: true, force: true });
  };
  if (options.createApp !== false) {
    const created = await apiCall("POST", "/api/apps", { name: appName, repoUrl: "https://github.com/owner/repo.git" });
    if (created.status !== 201) {
      await close();
      throw new Error(`creating ${appName}: ${created.status} ${JSON.stringify(created.body)}`);
    }
  }
  return {
    api,
    config,
    apiUrl,
    configHome,
    apiCall,
    pier: (args, options = {}) => runPier({ apiUrl, token: config.PIER_ADMIN_TOKEN, configHome }, args, options),
    close,
  };
}
