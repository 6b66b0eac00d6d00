import { isInfraPhase, type InfraPhase, type ReplicaStatus } from "@pier/replicas";
import type { FieldErrors } from "./forms.ts";
import { html, raw, type Html, type Interpolation } from "./html.ts";
import type { Flash } from "./session.ts";

/** Everything a page needs from the request: CSP nonce, CSRF token, signed-in state, flash. */
export interface PageContext {
  nonce: string;
  csrf: string;
  signedIn: boolean;
  flash: Flash | null;
  now: number;
}

const CSS = `
:root{--bg:#f7f7f8;--card:#fff;--text:#16181d;--muted:#687080;--faint:#9aa1ad;--line:#e6e7eb;--line2:#f0f1f3;
--accent:#111318;--green:#0b7a3e;--green-bg:#e5f6ec;--red:#c42b2b;--red-bg:#fdeaea;--amber:#a35f00;--amber-bg:#fff3dc;
--grey:#5b6270;--grey-bg:#eef0f3;--blue:#1f5fd6;--violet:#5b35c9;--violet-bg:#efe9fd;
--radius:10px;--mono:ui-monospace,SFMono-Regular,"SF Mono",Menlo,Consolas,"Liberation Mono",monospace}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--text);
  font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
a{color:inherit}
a:hover{color:var(--blue)}
code,.mono{font-family:var(--mono);font-size:12.5px}
.top{background:var(--card);border-bottom:1px solid var(--line);position:sticky;top:0;z-index:5}
.top .in{max-width:1120px;margin:0 auto;padding:0 24px;height:56px;display:flex;align-items:center;gap:20px}
.brand{display:flex;align-items:center;gap:9px;font-weight:700;font-size:16px;text-decoration:none;
  letter-spacing:-.01em}
.brand svg{display:block}
.nav{display:flex;gap:4px;flex:1}
.nav a{text-decoration:none;color:var(--muted);padding:6px 10px;border-radius:7px}
.nav a:hover,.nav a.on{color:var(--text);background:var(--grey-bg)}
main{max-width:1120px;margin:0 auto;padding:28px 24px 64px}
.crumbs{color:var(--muted);font-size:13px;margin-bottom:6px}
.crumbs a{text-decoration:none;color:var(--muted)}
.crumbs a:hover{color:var(--text)}
.head{display:flex;align-items:flex-start;justify-content:space-between;gap:16px;margin-bottom:22px;flex-wrap:wrap}
h1{font-size:24px;line-height:1.25;margin:0;letter-spacing:-.02em;display:flex;align-items:center;gap:12px;
  flex-wrap:wrap}
h2{font-size:15px;margin:0;letter-spacing:-.01em}
.sub{color:var(--muted);margin-top:4px}
.actions{display:flex;gap:8px;align-items:center;flex-wrap:wrap}
.card{background:var(--card);border:1px solid var(--line);border-radius:var(--radius);margin-bottom:20px;
  overflow:hidden;scroll-margin-top:76px}
td a,.meta a,.crumbs a{text-decoration:none}
td a:hover,.meta a:hover{text-decoration:underline}
.card>.ch,.card>#replicas>.ch{display:flex;justify-content:space-between;align-items:center;padding:14px 18px;
  border-bottom:1px solid var(--line);gap:12px}
.card .ch .hint{color:var(--muted);font-size:13px}
.card>.cb{padding:18px}
table{width:100%;border-collapse:collapse}
th{text-align:left;font-weight:500;color:var(--muted);font-size:12px;text-transform:uppercase;letter-spacing:.04em;
  padding:10px 18px;border-bottom:1px solid var(--line);background:#fbfbfc}
td{padding:12px 18px;border-bottom:1px solid var(--line2);vertical-align:middle}
tr:last-child td{border-bottom:0}
tr.rowlink:hover td{background:#fafbfc}
.name{font-weight:600;text-decoration:none}
.muted{color:var(--muted)}
.faint{color:var(--faint)}
.small{font-size:12.5px}
.nowrap{white-space:nowrap}
.right{text-align:right}
.trunc{max-width:340px;overflow:hidden;text-overflow:ellipsis;white-space:nowrap;display:block}
.commit{display:flex;flex-direction:column;gap:1px;min-width:0}
.sha{font-family:var(--mono);font-size:12px;background:var(--grey-bg);border-radius:5px;padding:1px 6px;
  color:var(--text);text-decoration:none}
.badge,.health{display:inline-flex;align-items:center;gap:6px;font-size:12px;font-weight:600;padding:3px 9px 3px 8px;
  border-radius:999px;white-space:nowrap;letter-spacing:.01em}
.badge::before,.health::before{content:"";width:7px;height:7px;border-radius:50%;background:currentColor}
.b-READY{color:var(--green);background:var(--green-bg)}
.b-FAILED{color:var(--red);background:var(--red-bg)}
.b-BUILDING,.b-DEPLOYING{color:var(--amber);background:var(--amber-bg)}
.b-BUILDING::before,.b-DEPLOYING::before{animation:pulse 1.2s ease-in-out infinite}
.b-QUEUED{color:var(--grey);background:var(--grey-bg)}
.b-DELIVERED{color:var(--green);background:var(--green-bg)}
.b-PENDING{color:var(--amber);background:var(--amber-bg)}
.b-CANCELLED{color:var(--faint);background:transparent;border:1px dashed var(--line)}
.b-NONE{color:var(--faint);background:transparent;border:1px solid var(--line)}
.h-RUNNING{color:var(--green);background:var(--green-bg)}
.h-DEGRADED{color:var(--amber);background:var(--amber-bg)}
.h-CRASH_LOOP{color:var(--red);background:var(--red-bg)}
.h-ENGINE_UNAVAILABLE,.h-IMAGE_MISSING,.h-REBUILDING,.h-NO_SPACE{color:var(--violet);background:var(--violet-bg)}
.h-STOPPED{color:var(--grey);background:var(--grey-bg)}
.h-NOT_DEPLOYED{color:var(--faint);background:transparent;border:1px solid var(--line)}
@keyframes pulse{0%,100%{opacity:1;transform:scale(1)}50%{opacity:.35;transform:scale(.7)}}
.tag{display:inline-block;font-size:11px;font-weight:600;padding:1px 7px;border-radius:5px;background:var(--grey-bg);
  color:var(--grey);text-transform:uppercase;letter-spacing:.04em}
.tag.prod{background:#e8effd;color:var(--blue)}
.tag.k-ROLLBACK{background:#fff1e6;color:#a84b00}
.tag.k-PROMOTE{background:#efe9fd;color:#5b35c9}
.tag.k-DEPLOY{background:var(--green-bg);color:var(--green)}
.tag.c-issued,.tag.c-operator{background:var(--green-bg);color:var(--green)}
.tag.c-pending{background:var(--amber-bg);color:var(--amber)}
.tag.c-failed{background:var(--red-bg);color:var(--red)}
.tag.o-deployed{background:var(--green-bg);color:var(--green)}
.tag.o-caught{background:var(--amber-bg);color:var(--amber)}
.tag.o-rejected{background:var(--red-bg);color:var(--red)}
.warnbox{border:1px solid var(--amber);background:var(--amber-bg);border-radius:8px;padding:10px 12px;margin:0 0 12px}
.btn{display:inline-flex;align-items:center;gap:6px;font:inherit;font-weight:500;font-size:13px;line-height:1;
  padding:9px 14px;border-radius:8px;border:1px solid var(--line);background:var(--card);color:var(--text);
  cursor:pointer;text-decoration:none;white-space:nowrap}
.btn:hover{border-color:#c9ccd3;color:var(--text)}
.btn.primary{background:var(--accent);border-color:var(--accent);color:#fff}
.btn.primary:hover{background:#2a2d35}
.btn.danger{background:var(--red);border-color:var(--red);color:#fff}
.btn.sm{padding:6px 10px;font-size:12.5px}
.btn.ghost{border-color:transparent;background:transparent;color:var(--muted)}
.btn.ghost:hover{color:var(--text);background:var(--grey-bg)}
form.inline{display:inline}
.flash{border-radius:var(--radius);padding:12px 16px;margin-bottom:20px;border:1px solid;display:flex;gap:10px;
  align-items:flex-start}
.flash.ok{background:var(--green-bg);border-color:#bfe6cd;color:#0a5a2f}
.flash.error{background:var(--red-bg);border-color:#f3c2c2;color:#8f1d1d}
.empty{text-align:center;padding:48px 24px}
.empty h2{font-size:17px;margin-bottom:6px}
.empty p{color:var(--muted);max-width:520px;margin:6px auto 18px}
.steps{display:flex;gap:14px;justify-content:center;flex-wrap:wrap;margin:22px 0 26px;text-align:left}
.step{border:1px solid var(--line);border-radius:var(--radius);padding:14px 16px;width:240px;background:#fcfcfd}
.step b{display:block;margin-bottom:3px}
.step .n{display:inline-flex;width:22px;height:22px;border-radius:50%;background:var(--accent);color:#fff;
  font-size:12px;align-items:center;justify-content:center;margin-bottom:8px}
.field{margin-bottom:16px}
.field label{display:block;font-weight:500;margin-bottom:5px}
.field .help{color:var(--muted);font-size:12.5px;margin-top:4px}
.field .err{color:var(--red);font-size:12.5px;margin-top:4px;font-weight:500}
input[type=text],input[type=password],input[type=number],input[type=url],textarea,select{font:inherit;width:100%;
  padding:8px 11px;border:1px solid #d5d8de;border-radius:8px;background:#fff;color:var(--text)}
input:focus,textarea:focus,select:focus{outline:none;border-color:#8aa6e8;box-shadow:0 0 0 3px #e3ebfb}
input.invalid,select.invalid{border-color:var(--red);box-shadow:0 0 0 3px var(--red-bg)}
fieldset.field{border:0;padding:0;margin:0 0 16px;min-width:0}
fieldset.field legend{font-weight:500;margin-bottom:5px;padding:0}
.checks{display:grid;grid-template-columns:repeat(auto-fill,minmax(190px,1fr));gap:4px 14px}
.checks label{display:flex;gap:7px;align-items:center;font-weight:400;margin:0}
.checks.invalid{outline:1px solid var(--red);outline-offset:4px;border-radius:4px}
.secret{flex-direction:column;gap:8px}
.secret .row{width:100%}
input[readonly]{background:#fafafb;font-family:var(--mono);font-size:12.5px}
.grid2{display:grid;grid-template-columns:1fr 1fr;gap:0 18px}
.row{display:flex;gap:8px;align-items:center}
.row input{flex:1}
.formfoot{display:flex;justify-content:flex-end;gap:8px;padding-top:4px}
.kv{display:grid;grid-template-columns:140px 1fr;gap:8px 16px;font-size:13.5px;margin:0}
.kv dt{color:var(--muted)}
.kv dd{margin:0;min-width:0}
.meta{display:flex;gap:28px;flex-wrap:wrap;padding:16px 18px}
.meta div{min-width:0}
.meta .l{color:var(--muted);font-size:12px;text-transform:uppercase;letter-spacing:.04em;margin-bottom:2px}
.log{background:#0d1016;color:#d6dae1;font-family:var(--mono);font-size:12.5px;line-height:1.6;padding:14px 0;
  max-height:62vh;min-height:220px;overflow:auto}
.log .ln{padding:0 18px;white-space:pre-wrap;word-break:break-word;display:flex;gap:14px}
.log .ln:hover{background:#161a22}
.log .ln .t{color:#5b6372;flex:none;user-select:none}
.log .ln .rp{color:#7d8796;flex:none;user-select:none;min-width:2.2em}
.log .ln.stderr .x{color:#ff9b9b}
.log .ln.system .x,.log .ln.deploy .x{color:#8fc1ff}
.log .none{color:#6b7382;padding:0 18px}
.c-black{color:#8b949e}.c-red{color:#ff7b72}.c-green{color:#7ee787}.c-yellow{color:#e3b341}.c-blue{color:#79c0ff}
.c-magenta{color:#d2a8ff}.c-cyan{color:#76e3ea}.c-white{color:#f0f3f6}.c-bold{font-weight:700}.c-dim{opacity:.7}
.c-under{text-decoration:underline}
.livedot{display:inline-flex;align-items:center;gap:6px;color:var(--amber);font-size:12.5px;font-weight:500}
.livedot::before{content:"";width:7px;height:7px;border-radius:50%;background:currentColor;
  animation:pulse 1.2s infinite}
.reason{background:var(--red-bg);color:#8f1d1d;padding:12px 18px;border-top:1px solid #f3c2c2;font-size:13px}
.reason details{margin-top:6px}.reason summary{cursor:pointer;font-weight:500}
.reason pre.raw{white-space:pre-wrap;word-break:break-word;font-family:var(--mono);font-size:12px;margin:6px 0 0}
.filters{display:flex;gap:8px;flex-wrap:wrap;align-items:center;padding:12px 18px;border-bottom:1px solid var(--line2)}
.filters select,.filters input[type=text]{width:auto;flex:1 1 150px;min-width:0;padding:6px 10px}
.pager{display:flex;gap:10px;align-items:center;justify-content:center;padding:12px 18px;
  border-top:1px solid var(--line2)}
.howto ol{margin:8px 0 0;padding-left:20px}
.howto li{margin:4px 0}
.danger-zone{border-color:#f0c4c4}
.danger-zone>.ch{background:#fff8f8}
.login{max-width:380px;margin:9vh auto 0}
.login .brand{justify-content:center;font-size:20px;margin-bottom:18px}
.center{text-align:center}
.tabs{display:flex;gap:2px;border-bottom:1px solid var(--line);margin:-8px 0 22px}
.tabs a{text-decoration:none;padding:9px 14px;color:var(--muted);border-bottom:2px solid transparent;margin-bottom:-1px}
.tabs a.on{color:var(--text);border-bottom-color:var(--text);font-weight:500}
.tabs a:hover{color:var(--text)}
.pill-url{font-family:var(--mono);font-size:12.5px;color:var(--blue);text-decoration:none}
.pill-url:hover{text-decoration:underline}
.ph{font-size:11px;font-weight:600;letter-spacing:.04em;text-transform:uppercase;color:var(--amber)}
.ph.ph-RUNNING{color:var(--green)}
.ph.ph-CRASH_LOOP,.ph.ph-FAILED{color:var(--red)}
.ph.ph-ENGINE_UNAVAILABLE,.ph.ph-IMAGE_MISSING,.ph.ph-REBUILDING,.ph.ph-NO_SPACE{color:var(--violet)}
.scale{display:flex;gap:10px;align-items:flex-start;padding:14px 18px;border-top:1px solid var(--line2)}
.scale .field{margin:0;width:110px}
.scale .field label{font-size:12px;color:var(--muted);font-weight:500}
.scale .field .err,.scale .field .help{width:420px}
.scale .btn{margin-top:25px}
.windows{display:flex;gap:2px}
.windows a{text-decoration:none;color:var(--muted);padding:3px 8px;border-radius:6px;font-size:12.5px}
.windows a.on{background:var(--grey-bg);color:var(--text);font-weight:500}
.charts{display:grid;grid-template-columns:repeat(3,minmax(0,1fr));gap:6px 18px;padding:14px 18px}
.chart{margin:0;min-width:0}
.chart figcaption{display:flex;justify-content:space-between;font-size:12.5px;color:var(--muted);margin-bottom:2px}
.chart figcaption b{color:var(--text);font-weight:600}
.chart svg{display:block;width:100%;height:auto}
.chart .axis{font:10px system-ui,sans-serif;fill:var(--faint)}
.chart .grid{stroke:var(--line);stroke-width:1}
.chart .line{fill:none;stroke:var(--blue);stroke-width:1.6;stroke-linejoin:round;stroke-linecap:round}
.chart .dot{fill:var(--blue)}
.chart .none{font:12px system-ui,sans-serif;fill:var(--faint)}
.chart .mark line{stroke:var(--amber);stroke-width:1;stroke-dasharray:2 2}
.chart .mark circle{fill:var(--amber)}
.autoscaled{padding:14px 18px;border-top:1px solid var(--line2);color:var(--muted)}
@media (max-width:980px){.charts{grid-template-columns:repeat(2,minmax(0,1fr))}}
@media (max-width:760px){.grid2{grid-template-columns:1fr}.hide-sm{display:none}.kv{grid-template-columns:1fr}
  .top .in{padding:6px 12px;gap:4px 10px;height:auto;min-height:56px;flex-wrap:wrap}
  .nav{flex-wrap:wrap;min-width:0;order:3;flex-basis:100%}.nav a{white-space:nowrap;padding:6px 7px}
  .top .in>form{margin-left:auto}
  main{padding:20px 12px 48px}.charts{grid-template-columns:minmax(0,1fr)}
  .tabs{flex-wrap:wrap}.scale{flex-wrap:wrap}.scale .field .err,.scale .field .help{width:auto;max-width:80vw}
  h1,.card code,.kv dd,.sub{overflow-wrap:anywhere}.trunc{max-width:calc(100vw - 60px)}
  .card>.ch,.card>#replicas>.ch{flex-wrap:wrap}.card>.cb{padding:14px 12px}
  .log .ln{padding:0 12px;gap:8px}
}
/* Narrow screens: each table row becomes a stacked block (no sideways scroll, its buttons in reach). */
@media (max-width:600px){table,tbody,tr,td{display:block;width:100%}thead{display:none}
  tr{padding:8px 0;border-bottom:1px solid var(--line2)}tr:last-child{border-bottom:0}
  td{border:0;padding:3px 14px;text-align:left}td.right{text-align:left}td:empty{display:none}
  td .btn,td form.inline{margin:2px 0}.nowrap{white-space:normal}}
`;

/**
 * Keeps relative times fresh and wires small conveniences (copy, reveal, confirm). A form with `data-confirm`
 * asks in a dialog and arrives confirmed; without JavaScript the server shows its confirmation page instead.
 */
const SCRIPT = `
(function(){
  function rel(ms){var s=Math.round((Date.now()-ms)/1000);if(s<45)return"just now";var m=Math.round(s/60);
    if(m<60)return m+" min ago";var h=Math.round(m/60);if(h<24)return h+" h ago";var d=Math.round(h/24);
    if(d<30)return d+(d===1?" day ago":" days ago");return new Date(ms).toISOString().slice(0,10)}
  function tick(){document.querySelectorAll("time[data-rel]").forEach(function(t){
    var ms=Date.parse(t.getAttribute("datetime"));if(!isNaN(ms))t.textContent=rel(ms)})}
  setInterval(tick,30000);
  document.addEventListener("click",function(e){
    var b=e.target.closest&&e.target.closest("[data-copy]");
    if(b){var i=document.getElementById(b.getAttribute("data-copy"));if(i&&navigator.clipboard){
      navigator.clipboard.writeText(i.value).then(function(){var o=b.textContent;b.textContent="Copied";
      setTimeout(function(){b.textContent=o},1200)})}}
    var r=e.target.closest&&e.target.closest("[data-reveal]");
    if(r){var j=document.getElementById(r.getAttribute("data-reveal"));if(j){var hid=j.type==="password";
      j.type=hid?"text":"password";r.textContent=hid?"Hide":"Reveal"}}
  });
  document.addEventListener("submit",function(e){var f=e.target;var q=f.getAttribute&&f.getAttribute("data-confirm");
    if(!q)return;if(!window.confirm(q)){e.preventDefault();return}
    if(!f.querySelector("input[name=confirmed]")){var c=document.createElement("input");c.type="hidden";
      c.name="confirmed";c.value="yes";f.appendChild(c)}});
})();
`;

/** The pier (a deck on three posts) on a dark tile: the favicon, and the logo with the water line under it. */
const PIER_MARK =
  '<rect width="24" height="24" rx="6" fill="#111318"/>' +
  '<path d="M5 15.5h14M7 15.5V9m5 6.5V6.5m5 9V9" stroke="#fff" stroke-width="2" stroke-linecap="round"/>';
const WATER =
  '<path d="M4 18.5c2.7 1.4 5.3 1.4 8 0s5.3-1.4 8 0" ' +
  'stroke="#6aa7ff" stroke-width="1.6" fill="none" stroke-linecap="round"/>';
const LOGO = raw(`<svg width="22" height="22" viewBox="0 0 24 24" aria-hidden="true">${PIER_MARK}${WATER}</svg>`);
const FAVICON =
  "data:image/svg+xml," +
  encodeURIComponent(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">${PIER_MARK}</svg>`);

/** Deployment statuses that are still moving. */
export { isUnfinished } from "@pier/lifecycle";

/** Reloads the page every few seconds while something is building, so statuses stay current. */
export const AUTO_REFRESH =
  "setTimeout(function(){if(!document.hidden)location.reload();" +
  'else document.addEventListener("visibilitychange",function(){location.reload()},{once:true})},5000);';

function flashBox(flash: Flash): Html {
  const role = flash.kind === "error" ? "alert" : "status";
  return html`<div class="flash ${flash.kind}" role="${role}" data-flash="${flash.kind}">${flash.text}</div>`;
}

export function csrfField(ctx: PageContext): Html {
  return html`<input type="hidden" name="_csrf" value="${ctx.csrf}">`;
}

export function layout(
  ctx: PageContext,
  options: {
    title: string;
    nav?: "apps" | "new" | "notifications" | "audit" | "nodes";
    body: Interpolation;
    scripts?: string[];
    refreshSeconds?: number;
  },
): string {
  const navLink = (href: string, nav: typeof options.nav, label: string) =>
    html`<a href="${href}" class="${options.nav === nav ? "on" : ""}">${label}</a>`;
  const nav = [
    navLink("/", "apps", "Apps"),
    navLink("/apps/new", "new", "New app"),
    navLink("/notifications", "notifications", "Notifications"),
    navLink("/audit", "audit", "Audit"),
    navLink("/nodes", "nodes", "Nodes"),
  ];
  const signOut = html`<button class="btn ghost sm" type="submit">Sign out</button>`;
  const top = ctx.signedIn
    ? html`<header class="top"><div class="in">
        <a class="brand" href="/">${LOGO}<span>Pier</span></a>
        <nav class="nav">${nav}</nav>
        <form method="post" action="/logout" class="inline">${csrfField(ctx)}${signOut}</form>
      </div></header>`
    : "";
  const flash = ctx.flash ? flashBox(ctx.flash) : "";
  const scripts = [SCRIPT, ...(options.scripts ?? [])].map(
    (s) => html`<script nonce="${ctx.nonce}">${raw(s)}</script>`,
  );
  const refresh = options.refreshSeconds
    ? html`<meta http-equiv="refresh" content="${String(options.refreshSeconds)}">`
    : "";
  const icon = html`<link rel="icon" href="${FAVICON}">`;
  return html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
${refresh}<title>${options.title} · Pier</title>${icon}<meta name="robots" content="noindex">
<style nonce="${ctx.nonce}">${raw(CSS)}</style></head>
<body>${top}<main>${flash}${options.body}</main>${scripts}</body></html>`.value;
}

/** A page's title and the line under it, left in the page's head. */
export function heading(title: string, sub: Interpolation): Html {
  return html`<div><h1>${title}</h1><div class="sub">${sub}</div></div>`;
}

/** What a cell shows when there is nothing to show. */
export const NONE = html`<span class="faint">—</span>`;

/** A card's header: its title, and a hint on the right. */
export function cardHead(title: string, hint: Interpolation): Html {
  return html`<div class="ch"><h2>${title}</h2><span class="hint">${hint}</span></div>`;
}

/** A table's header row: each column its heading, or [heading, class]. */
export function tableHead(columns: Array<string | [string, string]>): Html {
  const cells = columns.map((c) =>
    typeof c === "string" ? html`<th>${c}</th>` : html`<th class="${c[1]}">${c[0]}</th>`,
  );
  return html`<thead><tr>${cells}</tr></thead>`;
}

/** A link to an app's URL, opened in a new tab. */
export function externalLink(url: string, text: Interpolation): Html {
  return html`<a class="pill-url" href="${url}" target="_blank" rel="noopener noreferrer">${text}</a>`;
}

export function badge(status: string | null | undefined, id?: string): Html {
  const s = status ?? "NONE";
  const label = status ? status.charAt(0) + status.slice(1).toLowerCase() : "No deploys";
  return html`<span class="badge b-${s}" data-status="${s}"${id ? raw(` id="${id}"`) : ""}>${label}</span>`;
}

export function exactTime(date: Date): string {
  return date
    .toISOString()
    .replace("T", " ")
    .replace(/\.\d+Z$/, " UTC");
}

export function relativeTime(date: Date, now = Date.now()): string {
  const s = Math.round((now - date.getTime()) / 1000);
  if (s < 45) return "just now";
  const m = Math.round(s / 60);
  if (m < 60) return `${m} min ago`;
  const h = Math.round(m / 60);
  if (h < 24) return `${h} h ago`;
  const d = Math.round(h / 24);
  if (d < 30) return `${d} ${d === 1 ? "day" : "days"} ago`;
  return date.toISOString().slice(0, 10);
}

export function timeAgo(date: Date | null | undefined, now = Date.now()): Html {
  if (!date) return NONE;
  const title = exactTime(date);
  return html`<time data-rel datetime="${date.toISOString()}" title="${title}">${relativeTime(date, now)}</time>`;
}

export function duration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return "—";
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s}s`;
  return `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, "0")}s`;
}

export function shortSha(sha: string | null | undefined): string {
  return sha ? sha.slice(0, 7) : "";
}

/** First line of a commit message. */
export function subject(message: string | null | undefined): string {
  return (message ?? "").split("\n")[0]!.trim();
}

export function commitCell(sha: string | null, message: string | null, extra?: Interpolation): Html {
  if (!sha) return html`<span class="faint">${extra ?? "resolving commit…"}</span>`;
  const shaTag = html`<span class="sha">${shortSha(sha)}</span>`;
  const line = html`<span class="trunc" title="${message ?? ""}">${shaTag} ${subject(message)}</span>`;
  return html`<div class="commit">${line}${extra ? html`<span class="muted small trunc">${extra}</span>` : ""}</div>`;
}

/**
 * How production runs, apart from how the last deploy went: "Running 2/2", "Degraded 1/2", "Crash loop 0/1",
 * and the engine's or the machine's trouble in its own words and colour ("Image missing 0/1", "Disk full 1/2").
 */
export function healthBadge(status: ReplicaStatus): Html {
  const count = `${status.running}/${status.desired}`;
  const label = {
    RUNNING: `Running ${count}`,
    DEGRADED: `Degraded ${count}`,
    CRASH_LOOP: `Crash loop ${count}`,
    ENGINE_UNAVAILABLE: `Engine unavailable ${count}`,
    IMAGE_MISSING: `Image missing ${count}`,
    REBUILDING: `Rebuilding image ${count}`,
    NO_SPACE: `Disk full ${count}`,
    STOPPED: "Stopped",
    NOT_DEPLOYED: "Not deployed",
  } satisfies Record<ReplicaStatus["state"], string>;
  const infra = isInfraPhase(status.state) ? html` title="${INFRA_TITLES[status.state]}"` : "";
  const text = label[status.state];
  return html`<span class="health h-${status.state}"${infra} ${stateAttributes(status)}>${text}</span>`;
}

/** What the engine's or the machine's trouble means for the app, on hover of its badge. */
const INFRA_TITLES: Record<InfraPhase, string> = {
  ENGINE_UNAVAILABLE: "The Docker engine can't be reached or is failing (not the app). Pier tries again every second.",
  IMAGE_MISSING:
    "This deployment's image is gone from the machine (not the app). Pier builds it again from its commit; " +
    "if that failed, deploy again.",
  REBUILDING:
    "This deployment's image was gone from the machine (not the app): Pier is building it again from its commit, " +
    "and starts the replicas from it.",
  NO_SPACE: "The machine's disk is full (not the app). Free some space: Pier tries again every few seconds.",
};

/** `data-state`, `data-running` and `data-desired` of an element showing a replica status, for scripts and tests. */
export function stateAttributes(status: ReplicaStatus): Html {
  return html`data-state="${status.state}" data-running="${status.running}" data-desired="${status.desired}"`;
}

export interface FieldOptions {
  name: string;
  label: string;
  value?: string;
  errors: FieldErrors;
  help?: Interpolation;
  placeholder?: string;
  type?: string;
  required?: boolean;
  autofocus?: boolean;
  min?: number;
  max?: number;
}

/** A labelled input; its error (or help) shows right under it, tied to it by aria-describedby. */
export function field(options: FieldOptions): Html {
  const error = options.errors[options.name];
  const id = `f-${options.name}`;
  const range = [
    options.min !== undefined ? `min="${options.min}"` : "",
    options.max !== undefined ? `max="${options.max}"` : "",
  ].join(" ");
  const value = html`value="${options.value ?? ""}" placeholder="${options.placeholder ?? ""}"`;
  const required = options.required ? raw("required") : "";
  const autofocus = options.autofocus ? raw("autofocus") : "";
  const invalid = error ? raw('class="invalid" aria-invalid="true"') : "";
  const message = error
    ? html`<div class="err" id="${id}-msg" data-error-for="${options.name}">${error}</div>`
    : options.help
      ? html`<div class="help" id="${id}-msg">${options.help}</div>`
      : "";
  return html`<div class="field">
    <label for="${id}">${options.label}</label>
    <input id="${id}" name="${options.name}" type="${options.type ?? "text"}" ${value} ${raw(range)}
      ${required} ${autofocus} ${invalid} ${raw(`aria-describedby="${id}-msg"`)} autocomplete="off" spellcheck="false">
    ${message}
  </div>`;
}
