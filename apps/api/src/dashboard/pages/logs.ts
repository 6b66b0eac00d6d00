import { html } from "../html.ts";
import { layout, type PageContext } from "../ui.ts";
import { appHeader, type AppView } from "./app.ts";

const NOTHING_RUNS = "Nothing runs in production yet: deploy the app and its output shows here.";
const LOGS_HINT = "stdout and stderr of the production container, last 300 lines ·";

/** The running app's own output (stdout and stderr of production); ?follow=1 refreshes every 2 s. */
export function runtimeLogsPage(
  ctx: PageContext,
  app: AppView,
  live: boolean,
  hasDeployments: boolean,
  output: string | null,
  follow: boolean,
): string {
  const followLink = follow
    ? html`<a href="/apps/${app.name}/logs">Stop following</a>`
    : html`<a href="/apps/${app.name}/logs?follow=1" data-action="follow">Follow</a>`;
  const body =
    output === null
      ? html`<div class="card"><div class="cb muted" data-empty="runtime-logs">${NOTHING_RUNS}</div></div>`
      : html`<div class="card"><div class="ch"><h2>Runtime logs</h2><span class="hint">${LOGS_HINT}
          ${followLink}</span></div>
          <pre class="log" data-log="runtime">${output || "(no output yet)"}</pre></div>`;
  return layout(ctx, {
    title: `${app.name} · Logs`,
    nav: "apps",
    refreshSeconds: follow ? 2 : undefined,
    body: html`${appHeader(ctx, app, live, "logs", hasDeployments)}${body}`,
  });
}
