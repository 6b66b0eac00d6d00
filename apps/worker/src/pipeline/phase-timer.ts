import { DEPLOYMENT_PHASES as PHASES, type DeploymentPhase as Phase, type PhaseTimings } from "@pier/shared";

/** Where a deployment's time goes: milliseconds per phase, for the log and `GET /api/deployments/:id`. */
export class PhaseTimer {
  private readonly timings: PhaseTimings = {};

  record(phase: Phase, ms: number): void {
    this.timings[phase] = Math.round((this.timings[phase] ?? 0) + ms);
  }

  async time<T>(phase: Phase, work: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await work();
    } finally {
      this.record(phase, performance.now() - started);
    }
  }

  toJSON(): PhaseTimings {
    return Object.fromEntries(PHASES.filter((p) => this.timings[p] !== undefined).map((p) => [p, this.timings[p]]));
  }

  /** "queued 0.01 s · clone 0.08 s · build 0.61 s · …" */
  summary(): string {
    return Object.entries(this.toJSON())
      .map(([phase, ms]) => `${phase} ${(ms / 1000).toFixed(2)} s`)
      .join(" · ");
  }
}
