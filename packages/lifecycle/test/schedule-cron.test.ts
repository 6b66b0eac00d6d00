import { describe, expect, it } from "vitest";
import { CRON_FIELDS_MESSAGE, isTimeZone, nextRuns, scheduleProblem } from "../src/schedule-cron.ts";

describe("schedule cron", () => {
  it("accepts 5 fields, or 6 with seconds first, read in an IANA time zone", () => {
    expect(scheduleProblem("0 3 * * *", "Europe/Berlin")).toBeNull();
    expect(scheduleProblem("*/30 * * * * *", "UTC")).toBeNull();
    const [a, b] = nextRuns("*/30 * * * * *", "UTC", 2, new Date("2026-12-07T10:00:05Z"));
    expect([a!.toISOString(), b!.toISOString()]).toEqual(["2026-12-07T10:00:30.000Z", "2026-12-07T10:01:00.000Z"]);
    // 03:00 in Berlin is 02:00 UTC in winter.
    expect(nextRuns("0 3 * * *", "Europe/Berlin", 1, new Date("2026-12-07T10:00:00Z"))[0]!.toISOString()).toBe(
      "2026-12-08T02:00:00.000Z",
    );
  });

  it("names what is wrong: the field count, the field out of range, an impossible date, the zone", () => {
    expect(scheduleProblem("0 3 * *", "UTC")).toEqual({ field: "cron", message: CRON_FIELDS_MESSAGE });
    expect(scheduleProblem("@daily", "UTC")).toEqual({ field: "cron", message: CRON_FIELDS_MESSAGE });
    expect(scheduleProblem("0 0 0 3 * * *", "UTC")?.field).toBe("cron");
    expect(scheduleProblem("0 25 * * *", "UTC")?.message).toMatch(/^hour: .*0-23/);
    expect(scheduleProblem("61 * * * * *", "UTC")?.message).toMatch(/^second: /);
    expect(scheduleProblem("0 3 * * mon-xyz", "UTC")?.message).toMatch(/^weekday: /);
    expect(scheduleProblem("0 3 30 2 *", "UTC")?.message).toMatch(/^never matches a date/);
    expect(scheduleProblem("0 3 * * *", "Europe/Atlantis")?.field).toBe("timezone");
    expect(isTimeZone("America/New_York")).toBe(true);
    expect(isTimeZone("")).toBe(false);
  });
});
