import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Redis } from "ioredis";
import { until } from "./faults.ts";
import { freePort } from "./free-port.ts";

/**
 * A Redis of one test file's own, in a temporary directory on a free port of 127.0.0.1, so the file can
 * stop and start it: the suite's Redis is shared by files running in parallel. It keeps the append-only
 * file the dev set-up uses, so a restart keeps what was queued.
 */
export class PrivateRedis {
  private child: ChildProcess | null = null;
  private exited: Promise<void> = Promise.resolve();

  private constructor(
    readonly dir: string,
    readonly port: number,
  ) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  get running(): boolean {
    return this.child !== null && this.child.exitCode === null && this.child.signalCode === null;
  }

  static async create(): Promise<PrivateRedis> {
    const redis = new PrivateRedis(await mkdtemp(path.join(tmpdir(), "pier-redis-")), await freePort());
    try {
      await redis.start();
      return redis;
    } catch (error) {
      await redis.remove();
      throw error;
    }
  }

  async start(): Promise<void> {
    const args = [
      "--port",
      String(this.port),
      "--bind",
      "127.0.0.1",
      "--dir",
      this.dir,
      "--save",
      "",
      "--appendonly",
      "yes",
      "--appendfsync",
      "everysec",
    ];
    const child = spawn("redis-server", args, { stdio: "ignore" });
    this.child = child;
    this.exited = new Promise((resolve) => child.once("exit", () => resolve()));
    await until(() => this.answers(), `the private Redis on port ${this.port} answering`, 15_000);
  }

  /** A clean stop (SIGTERM: Redis writes and syncs its append-only file and exits), as a restart does. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.child!.kill("SIGTERM");
    await this.exited;
  }

  async remove(): Promise<void> {
    await this.stop();
    await rm(this.dir, { recursive: true, force: true });
  }

  private async answers(): Promise<boolean> {
    const client = new Redis({
      port: this.port,
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    client.on("error", () => undefined /* connect() rejects with the same error, and the poll tries again */);
    try {
      await client.connect();
      return (await client.ping()) === "PONG";
    } finally {
      client.disconnect();
    }
  }
}
