import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lastRunWords, nextRunWords } from "../src/commands/schedules.ts";
import { startCliApi, type CliApi } from "./cli-api.ts";

describe("pier schedules against the real API", () => {
  let cli: CliApi;
  const name = `cli-sch-${randomBytes(4).toString("hex")}`;
  const pier = (args: string[]) => cli.pier(args);

  beforeAll(async () => {
    cli = await startCliApi(name, "pier-cli-schedules-");
  });

  afterAll(async () => {
    await cli?.close();
  });

  it("adds, lists and removes a schedule; --json gives the API's answer", async () => {
    const empty = await pier(["schedules", name]);
    expect(empty.stdout).toContain(`No schedules for ${name}: pier schedules add ${name} --cron "0 3 * * *"`);

    const added = await pier(["schedules", "add", name, "--cron", "30 2 * * 1-5", "--tz", "Europe/Berlin"]);
    expect(added.stderr).toBe("");
    expect(added.code).toBe(0);
    expect(added.stdout).toMatch(/^Scheduled: deploy cli-sch-\w+ at "30 2 \* \* 1-5" \(Europe\/Berlin\), id \w+\.$/m);
    // 02:30 in Berlin is 01:30 UTC in winter, 00:30 in summer.
    expect(added.stdout).toMatch(/Next runs: \S+ 0[01]:30:00 UTC \(in \w+\)/);

    const json = JSON.parse((await pier(["schedules", name, "--json"])).stdout);
    expect(json.schedules).toHaveLength(1);
    const [schedule] = json.schedules;
    expect(schedule).toMatchObject({ cron: "30 2 * * 1-5", timezone: "Europe/Berlin", action: "deploy" });
    const listed = await pier(["schedules", "ls", name]);
    expect(listed.stdout).toMatch(/ID +CRON +ZONE +ACTION +NEXT RUN +LAST RUN/);
    expect(listed.stdout).toContain(schedule.id);
    expect(listed.stdout).toMatch(/Europe\/Berlin +deploy +\S+ \S+ UTC \(in \w+\) +never/);

    const removed = await pier(["schedules", "rm", name, schedule.id]);
    expect(removed.stdout).toBe(`Deleted schedule ${schedule.id} ("30 2 * * 1-5", deploy) of ${name}.\n`);
    expect(JSON.parse((await pier(["schedules", name, "--json"])).stdout).schedules).toEqual([]);
  });

  it("refuses a bad cron (the API's words), a bad --action and a missing --cron with their exit codes", async () => {
    const badCron = await pier(["schedules", "add", name, "--cron", "0 3 * *"]);
    expect(badCron.code).toBe(6);
    expect(badCron.stderr).toContain("cron: expected 5 fields (minute hour day month weekday) or 6 with seconds first");
    const badAction = await pier(["schedules", "add", name, "--cron", "0 3 * * *", "--action", "restart"]);
    expect(badAction.code).toBe(2);
    expect(badAction.stderr).toContain('--action must be deploy or redeploy, not "restart"');
    const noCron = await pier(["schedules", "add", name]);
    expect(noCron.code).toBe(2);
    expect(noCron.stderr).toContain("--cron is required");
    const missing = await pier(["schedules", "rm", name, "nosuchid"]);
    expect(missing.code).toBe(5);
    expect(missing.stderr).toContain("schedule nosuchid does not exist");
  });

  it("words a next run and a last run", () => {
    const now = Date.parse("2026-12-07T10:00:00Z");
    expect(nextRunWords("2026-12-08T02:00:00.000Z", now)).toBe("2026-12-08 02:00:00 UTC (in 16h)");
    expect(lastRunWords({ lastRunAt: null, lastOutcome: null }, now)).toBe("never");
    expect(
      lastRunWords(
        { lastRunAt: "2026-12-07T09:57:00.000Z", lastOutcome: "skipped: deployment x is still building" },
        now,
      ),
    ).toBe("3m ago: skipped: deployment x is still building");
  });
});
