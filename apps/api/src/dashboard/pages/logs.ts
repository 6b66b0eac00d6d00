import type { RuntimeLogLine } from "../../services/runtime-logs.ts";
import { ansiToHtml } from "../ansi.ts";
import { html, type Html } from "../html.ts";
import { layout, type PageContext } from "../ui.ts";
import { appHeader, type AppView } from "./app.ts";

const NOTHING_RUNS = "Nothing runs in production yet: deploy the app and its output shows here.";
const LOGS_HINT = "stdout and stderr of every production replica, last 300 lines, times in UTC";

/** "13:04:05" (UTC) of an engine time, the whole time on hover. */
const clock = (at: string | null) => (at ? at.slice(11, 19) : "");

function logLine(line: RuntimeLogLine): Html {
  const time = html`<span class="t" title="${line.at ?? ""}">${clock(line.at)}</span>`;
  const replica = html`<span class="rp" title="${line.container}">#${line.replica}</span>`;
  const text = html`<span class="x">${ansiToHtml(line.line)}</span>`;
  return html`<div class="ln" data-replica="${line.replica}">${time}${replica}${text}</div>`;
}

/**
 * Appends each line the server sends (EventSource) and keeps the view at the bottom unless the reader scrolled
 * up; reconnects after a drop, asking only for new lines.
 */
const FOLLOW_SCRIPT = `
(function(){
  var log=document.querySelector("[data-log=runtime]");var state=document.querySelector("[data-live]");
  if(!log||!state)return;var url=log.getAttribute("data-stream");var ESC=/\\x1b\\[[0-9;?]*[ -\\/]*[@-~]/g;
  function span(c,t,title){var s=document.createElement("span");s.className=c;s.textContent=t;
    if(title)s.title=title;return s}
  function add(l){var stick=log.scrollTop+log.clientHeight>=log.scrollHeight-8;
    var none=log.querySelector(".none");if(none)none.remove();
    var d=document.createElement("div");d.className="ln";d.setAttribute("data-replica",l.replica);
    d.appendChild(span("t",l.at?l.at.slice(11,19):"",l.at||""));
    d.appendChild(span("rp","#"+l.replica,l.container));d.appendChild(span("x",l.line.replace(ESC,"")));
    log.appendChild(d);while(log.children.length>2000)log.removeChild(log.firstChild);
    if(stick)log.scrollTop=log.scrollHeight}
  function say(t,s){state.textContent=t;state.setAttribute("data-live",s)}
  function connect(){var es=new EventSource(url);
    es.onopen=function(){say("Live","open")};
    es.addEventListener("line",function(e){add(JSON.parse(e.data))});
    es.addEventListener("end",function(e){es.close();say("Stopped: "+JSON.parse(e.data).reason,"ended")});
    es.addEventListener("failed",function(e){es.close();say(JSON.parse(e.data).message,"failed")});
    es.onerror=function(){es.close();say("Reconnecting…","retrying");setTimeout(connect,3000)}}
  log.scrollTop=log.scrollHeight;connect();
})();
`;

/** The running app's own output, every replica's lines with their time; new lines arrive as they are written. */
export function runtimeLogsPage(
  ctx: PageContext,
  app: AppView,
  live: boolean,
  hasDeployments: boolean,
  lines: RuntimeLogLine[] | null,
): string {
  const state = html`<span class="livedot" data-live="connecting">Connecting…</span>`;
  const stream = `/apps/${encodeURIComponent(app.name)}/logs/events`;
  const body =
    lines === null
      ? html`<div class="card"><div class="cb muted" data-empty="runtime-logs">${NOTHING_RUNS}</div></div>`
      : html`<div class="card"><div class="ch"><h2>Runtime logs</h2><span class="hint">${LOGS_HINT} ${state}</span>
          </div><div class="log" data-log="runtime" data-stream="${stream}">${
            lines.length ? lines.map(logLine) : html`<div class="none">(no output yet)</div>`
          }</div></div>`;
  return layout(ctx, {
    title: `${app.name} · Logs`,
    nav: "apps",
    scripts: lines === null ? [] : [FOLLOW_SCRIPT],
    body: html`${appHeader(ctx, app, live, "logs", hasDeployments)}${body}`,
  });
}
