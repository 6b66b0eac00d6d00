import { html } from "../html.ts";
import { layout, type PageContext } from "../ui.ts";

const BACK = html`<p><a class="btn" href="/" data-action="back">Back to apps</a></p>`;

/** Any page that can't be shown (not found, refused, failed), as a page with a way back: never raw JSON. */
export function errorPage(ctx: PageContext, status: number, title: string, message: string): string {
  const text = html`<h2>${title}</h2><p>${message}</p><p class="faint small">HTTP ${status}</p>`;
  return layout(ctx, {
    title,
    body: html`<div class="card"><div class="empty" data-error="${status}">${text}${BACK}</div></div>`,
  });
}
