import { describe, expect, it } from "vitest";
import { startLoop } from "../src/loop.ts";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A logger that keeps what it was told. */
function recordingLogger() {
  const errors: Array<{ obj: object; msg: string }> = [];
  return { errors, error: (obj: object, msg: string) => errors.push({ obj, msg }) };
}

describe("startLoop", () => {
  it("ticks every period, one at a time, and goes on after a failed tick, logging it by name", async () => {
    const logger = recordingLogger();
    let ticks = 0;
    let inFlight = 0;
    let overlapped = false;
    const loop = startLoop({
      name: "test loop",
      everyMs: 20,
      logger,
      tick: async () => {
        ticks++;
        overlapped ||= inFlight > 0;
        inFlight++;
        await sleep(30); // longer than the period: the next tick waits for this one
        inFlight--;
        if (ticks === 2) throw new Error("boom");
      },
    });
    await sleep(200);
    await loop.stop();
    expect(ticks).toBeGreaterThanOrEqual(4);
    expect(overlapped).toBe(false);
    expect(logger.errors).toHaveLength(1);
    expect(logger.errors[0]!.msg).toBe("test loop failed; it runs again in 20 ms");
    expect(logger.errors[0]!.obj).toMatchObject({ loop: "test loop", err: new Error("boom") });
  });

  it("runNow ticks at once; asked while a tick runs, it runs one more right after (not one per call)", async () => {
    let ticks = 0;
    let release = () => {};
    const loop = startLoop({
      name: "test loop",
      everyMs: 60_000,
      logger: recordingLogger(),
      tick: () => {
        ticks++;
        return new Promise<void>((resolve) => (release = resolve));
      },
    });
    const first = loop.runNow();
    await sleep(5);
    expect(ticks).toBe(1);
    const again = [loop.runNow(), loop.runNow(), loop.runNow()];
    release();
    await first;
    await sleep(5);
    expect(ticks).toBe(2);
    release();
    await Promise.all(again);
    expect(ticks).toBe(2);
    await loop.stop();
  });

  it("stop waits for the running tick, and no tick comes after it", async () => {
    let ticks = 0;
    let finished = false;
    const loop = startLoop({
      name: "test loop",
      everyMs: 10,
      logger: recordingLogger(),
      tick: async () => {
        ticks++;
        await sleep(40);
        finished = true;
      },
    });
    await sleep(20); // the first tick is running
    await loop.stop();
    expect(finished).toBe(true);
    const after = ticks;
    await sleep(50);
    expect(ticks).toBe(after);
    await loop.runNow();
    expect(ticks).toBe(after);
  });
});
