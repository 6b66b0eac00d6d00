/** How long the controller remembers that the engine stopped a container: its loss is handled well within that. */
const REMEMBER_MS = 10 * 60_000;

/**
 * Containers the Docker engine asked to stop (SIGTERM "kill" events: the engine shutting down or
 * restarting, a `docker stop`), so that their loss is not counted as the app crashing. Forgotten after
 * REMEMBER_MS.
 */
export class StoppedContainers {
  private readonly seen = new Map<string, number>();

  add(containerId: string, now = Date.now()): void {
    for (const [id, at] of this.seen) if (now - at > REMEMBER_MS) this.seen.delete(id);
    this.seen.set(containerId, now);
  }

  ids(): ReadonlySet<string> {
    return new Set(this.seen.keys());
  }
}
