/**
 * The first thing each Pier process does (`pier-api`, `pier-worker`, `pier-router`, `pier-controller`).
 *
 * It names the process, so `ps` shows it and `pgrep -x pier-worker` finds it (Linux keeps 15 characters
 * of a name, which every Pier name fits).
 *
 * Under `npm start` the supervisor (scripts/supervise.ts) opens an IPC channel to each process. The
 * channel closes when the supervisor is gone, even killed with SIGKILL; the process then sends itself
 * SIGTERM, so its own graceful shutdown runs and nothing outlives the supervisor. The channel does not
 * keep the process alive by itself. Started any other way (no channel), only the name is set.
 */
export function supervisedProcess(title: string): void {
  process.title = title;
  if (!process.channel) return;
  process.once("disconnect", () => process.kill(process.pid, "SIGTERM"));
  process.channel.unref();
}
