import { createRequire } from "node:module";

/**
 * cron-parser is the parser BullMQ's job schedulers read a pattern with (its default repeat strategy), so a
 * schedule Pier accepts is one BullMQ runs, with the same field meanings. It is CommonJS without named exports
 * Node can see, hence the require.
 */
const { parseExpression } = createRequire(import.meta.url)("cron-parser") as typeof import("cron-parser");

export const CRON_FIELDS_MESSAGE = "expected 5 fields (minute hour day month weekday) or 6 with seconds first";

const FIELD_NAMES = ["second", "minute", "hour", "day of month", "month", "weekday"] as const;

/** What is wrong with a schedule, with the request field it is about. */
export interface ScheduleProblem {
  field: "cron" | "timezone";
  message: string;
}

/** True for an IANA time zone name this Node knows (Europe/Berlin, UTC, America/New_York). */
export function isTimeZone(timezone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: timezone });
    return true;
  } catch {
    return false;
  }
}

/** The cron's six fields, seconds first ("0" when the cron has five), or null when it has another count. */
function sixFields(cron: string): string[] | null {
  const fields = cron.trim().split(/\s+/);
  if (fields.length === 5) return ["0", ...fields];
  return fields.length === 6 ? fields : null;
}

/**
 * What is wrong with a cron expression read in a time zone, or null when BullMQ can run it. A bad field is named
 * ("minute: Constraint error, got value 61 expected range 0-59"): each field is tried alone, the others `*`.
 */
export function scheduleProblem(cron: string, timezone: string): ScheduleProblem | null {
  if (!isTimeZone(timezone))
    return { field: "timezone", message: `"${timezone}" is not an IANA time zone (e.g. UTC, Europe/Berlin)` };
  const fields = sixFields(cron);
  if (!fields) return { field: "cron", message: CRON_FIELDS_MESSAGE };
  for (const index of fields.keys()) {
    const alone = fields.map((value, at) => (at === index ? value : "*")).join(" ");
    try {
      parseExpression(alone, { tz: timezone });
    } catch (error) {
      return { field: "cron", message: `${FIELD_NAMES[index]}: ${(error as Error).message}` };
    }
  }
  try {
    parseExpression(fields.join(" "), { tz: timezone }).next();
  } catch (error) {
    // Fields fine alone, impossible together (day 31 of February).
    return { field: "cron", message: `never matches a date: ${(error as Error).message}` };
  }
  return null;
}

/** The next `count` times a valid cron fires after `from`, in its time zone. */
export function nextRuns(cron: string, timezone: string, count: number, from = new Date()): Date[] {
  const interval = parseExpression(cron.trim(), { tz: timezone, currentDate: from });
  const runs: Date[] = [];
  for (let i = 0; i < count; i++) runs.push(interval.next().toDate());
  return runs;
}
