import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** A Pier router in its own process (as `npm start` runs it) on a fixed port, so a test can SIGKILL it. */
export class RouterProcess {
  private readonly child: ChildProcess;
  private readonly exited: Promise<void>;
  output = "";

  constructor(env: Record<string, string | undefined>, port: number) {
    this.child = spawn(process.execPath, ["--import", "tsx", "apps/router/src/main.ts"], {
      cwd: root,
      // HTTPS only when the test asks for a port: several routers run at once, 8443 would be taken.
      env: { PIER_ROUTER_TLS_PORT: "off", ...env, PIER_ROUTER_PORT: String(port) } as NodeJS.ProcessEnv,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const keep = (chunk: Buffer) => (this.output = (this.output + chunk.toString()).slice(-20_000));
    this.child.stdout!.on("data", keep);
    this.child.stderr!.on("data", keep);
    this.exited = new Promise((resolve) => this.child.once("exit", () => resolve()));
  }

  get pid(): number {
    return this.child.pid!;
  }

  /** Sends `signal` and resolves once the router process is gone (SIGKILL leaves its HAProxy running). */
  async kill(signal: NodeJS.Signals): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill(signal);
    await this.exited;
  }
}
