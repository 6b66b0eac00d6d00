import { ensureDatabase, migrateDeploy } from "@pier/db";
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { chown, mkdtemp, rm } from "node:fs/promises";
import { tmpdir, userInfo } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { until } from "./faults.ts";
import { freePort } from "./free-port.ts";

const run = promisify(execFile);
const BIN = process.env.PIER_TEST_POSTGRES_BIN ?? "/usr/lib/postgresql/15/bin";

/**
 * A PostgreSQL cluster of one test file's own, in a temporary directory on a free port of 127.0.0.1, so
 * the file can stop and start it: the suite's Postgres is shared by files running in parallel. Postgres
 * refuses to run as root, so as root it runs as the `postgres` user, which owns the directory.
 */
export class PrivatePostgres {
  private child: ChildProcess | null = null;
  private exited: Promise<void> = Promise.resolve();
  output = "";

  private constructor(
    readonly dir: string,
    readonly port: number,
    private readonly owner: { uid: number; gid: number } | undefined,
  ) {}

  /** postgresql://… of the migrated database `pier`. */
  get url(): string {
    return `postgresql://pier@127.0.0.1:${this.port}/pier`;
  }

  get running(): boolean {
    return this.child !== null && this.child.exitCode === null && this.child.signalCode === null;
  }

  static async create(): Promise<PrivatePostgres> {
    const dir = await mkdtemp(path.join(tmpdir(), "pier-postgres-"));
    const owner = userInfo().uid === 0 ? await postgresUser() : undefined;
    if (owner) await chown(dir, owner.uid, owner.gid);
    const cluster = new PrivatePostgres(dir, await freePort(), owner);
    try {
      // Trust on 127.0.0.1 only: the cluster lives for one test file and listens nowhere else.
      await run(
        path.join(BIN, "initdb"),
        ["--pgdata", path.join(dir, "data"), "--username", "pier", "--auth", "trust", "--no-sync", "--no-instructions"],
        { ...owner },
      );
      await cluster.start();
      await ensureDatabase(cluster.url);
      await migrateDeploy(cluster.url);
      return cluster;
    } catch (error) {
      await cluster.remove();
      throw error;
    }
  }

  async start(): Promise<void> {
    const args = [
      "-D",
      path.join(this.dir, "data"),
      "-p",
      String(this.port),
      "-c",
      "listen_addresses=127.0.0.1",
      "-c",
      `unix_socket_directories=${this.dir}`,
      "-c",
      "fsync=off",
    ];
    const child = spawn(path.join(BIN, "postgres"), args, { stdio: ["ignore", "pipe", "pipe"], ...this.owner });
    const keep = (chunk: Buffer) => (this.output = (this.output + chunk.toString()).slice(-20_000));
    child.stdout!.on("data", keep);
    child.stderr!.on("data", keep);
    this.child = child;
    this.exited = new Promise((resolve) => child.once("exit", () => resolve()));
    await until(() => this.answers(), `the private Postgres on port ${this.port} answering`, 30_000).catch((error) => {
      throw new Error(`${(error as Error).message}\n${this.output}`);
    });
  }

  /** Fast shutdown (SIGINT): open sessions are ended, as `pg_ctl stop -m fast` (a restart) does. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.child!.kill("SIGINT");
    await this.exited;
  }

  async remove(): Promise<void> {
    await this.stop();
    await rm(this.dir, { recursive: true, force: true });
  }

  private async answers(): Promise<boolean> {
    // pg_isready exits 0 once the server accepts connections, non-zero (an error here) before.
    await run(path.join(BIN, "pg_isready"), [
      "--host",
      "127.0.0.1",
      "--port",
      String(this.port),
      "--username",
      "pier",
      "--dbname",
      "postgres",
      "--quiet",
    ]);
    return true;
  }
}

async function postgresUser(): Promise<{ uid: number; gid: number }> {
  const [uid, gid] = await Promise.all([run("id", ["-u", "postgres"]), run("id", ["-g", "postgres"])]);
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}
