import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "@pier/api";
import { randomBytes } from "node:crypto";
import type { FastifyInstance } from "fastify";
import { testConfig } from "../support/platform.ts";
import { cookieOf, dashboardClient, postSignIn } from "../support/dashboard-forms.ts";

/**
 * The app page's Schedules card through app.inject on the real API, database and Redis: add (checked as the API
 * checks), the list with next run and last outcome, delete behind the confirmation. No worker: a run's outcome is
 * written as the worker writes it.
 */
describe("dashboard: deploy schedules", () => {
  let api: FastifyInstance;
  let session = "";
  const name = `dash-sch-${randomBytes(3).toString("hex")}`;
  const admin = { authorization: "Bearer test-admin-token-0123456789" };

  const from = (page: string, marker: string) => page.slice(page.indexOf(marker));
  const { getPage, post, after } = dashboardClient(
    () => api,
    () => session,
    `/apps/${name}`,
  );

  beforeAll(async () => {
    api = await buildApp(testConfig(), { logger: false });
    session = cookieOf(await postSignIn(api, "test-admin-token-0123456789"), "pier_session")!;
    const created = await api.inject({
      method: "POST",
      url: "/api/apps",
      headers: admin,
      payload: { name, repoUrl: "https://github.com/owner/repo.git" },
    });
    expect(created.statusCode).toBe(201);
  });

  afterAll(async () => {
    await api?.inject({ method: "DELETE", url: `/api/apps/${name}`, headers: admin });
    await api?.close();
  });

  it("adds a schedule, lists it with its next run and last outcome, and deletes it after asking", async () => {
    expect(from((await getPage(`/apps/${name}`)).body, 'id="schedules"')).toContain('data-empty="schedules"');

    const bad = await post(`/apps/${name}/schedules`, { cron: "0 3 * *", timezone: "Mars/Olympus", action: "deploy" });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('data-error-for="timezone">&quot;Mars/Olympus&quot; is not an IANA time zone');
    expect(bad.body).toMatch(/id="f-cron" name="cron" type="text" value="0 3 \* \*"/);
    const badCron = await post(`/apps/${name}/schedules`, { cron: "0 3 * *", timezone: "", action: "deploy" });
    expect(badCron.body).toContain('data-error-for="cron">expected 5 fields (minute hour day month weekday)');

    const res = await post(`/apps/${name}/schedules`, {
      cron: "0 3 * * *",
      timezone: "Europe/Berlin",
      action: "redeploy",
    });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/apps/${name}#schedules`);
    const page = await after(res);
    expect(page).toMatch(/data-flash="ok">Scheduled: redeploy at 0 3 \* \* \* \(Europe\/Berlin\); next run 20/);
    const [schedule] = (await api.inject({ url: `/api/apps/${name}/schedules`, headers: admin })).json().schedules;
    const row = from(page, `<tr data-schedule="${schedule.id}"`).split("</tr>")[0]!;
    expect(row).toContain('<span class="mono">0 3 * * *</span>');
    expect(row).toContain('<span class="tag">redeploy</span>');
    expect(row).toMatch(/<time datetime="[^"]+T0[12]:00:00.000Z" title="Next: /);
    expect(row).toContain("Not run yet");

    await api.pier.prisma.deploySchedule.update({
      where: { id: schedule.id },
      data: {
        lastRunAt: new Date(),
        lastOutcome: "skipped: deployment abcd1234 from the previous run is still building",
      },
    });
    const shown = from((await getPage(`/apps/${name}`)).body, `<tr data-schedule="${schedule.id}"`).split("</tr>")[0]!;
    expect(shown).toContain(
      '<div class="small err" data-col="outcome">skipped: deployment abcd1234 from the previous run is still building',
    );

    // Without JavaScript the delete asks on a page of its own; confirmed, the schedule and its scheduler go.
    const asked = await post(`/apps/${name}/schedules/remove`, { id: schedule.id });
    expect(asked.statusCode).toBe(200);
    expect(asked.body).toContain("data-confirmation");
    expect(asked.body).toContain("Delete schedule");
    const deleted = await post(`/apps/${name}/schedules/remove`, { id: schedule.id, confirmed: "yes" });
    expect(deleted.statusCode).toBe(303);
    expect(await after(deleted)).toContain('data-flash="ok">Deleted the schedule 0 3 * * * (Europe/Berlin).');
    expect(await api.pier.schedules.getJobScheduler(schedule.id)).toBeUndefined();
  });
});
