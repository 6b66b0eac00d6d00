import { html } from "../html.ts";
import { layout, type PageContext } from "../ui.ts";

export function errorPage(ctx: PageContext, status: number, title: string, message: string): string {
  return layout(ctx, {
    title,
    body: html`<div class="card"><div class="empty" data-error="${status}"><h2>${title}</h2><p>${message}</p><p><a class="btn" href="/">Back to apps</a></p></div></div>`,
  });
}
