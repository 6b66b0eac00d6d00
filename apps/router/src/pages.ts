const VIEWPORT = `<meta name="viewport" content="width=device-width,initial-scale=1">`;
const STYLE =
  "body{font:16px/1.5 system-ui,sans-serif;background:#0b0d12;color:#e6e8ee;display:grid;place-items:center;" +
  "min-height:100vh;margin:0}\n" +
  "main{max-width:32rem;padding:2rem}h1{font-size:1.25rem;margin:0 0 .5rem}code{color:#9ecbff}" +
  ".s{color:#8b93a7;font-size:.875rem}";
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The small HTML pages the router answers with when it can't hand a request to an app. */
export function errorPage(status: number, title: string, detail: string): string {
  const main = `<p class="s">${status} · Pier</p><h1>${escapeHtml(title)}</h1><p>${escapeHtml(detail)}</p>`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">${VIEWPORT}
<title>${status} · ${escapeHtml(title)}</title>
<style>${STYLE}</style></head>
<body><main>${main}</main></body></html>`;
}
