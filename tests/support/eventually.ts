/**
 * Polls `check` until it returns something truthy (a check that throws counts as not yet), or fails
 * after `timeoutMs` naming `what`: tests wait for conditions, never for a fixed time.
 */
export async function eventually<T>(
  check: () => Promise<T | false | null | undefined>,
  what: string,
  timeoutMs = 20_000,
  everyMs = 50,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check().catch(() => null);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms: ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
