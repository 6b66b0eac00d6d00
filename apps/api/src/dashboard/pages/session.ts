import { html } from "../html.ts";
import { csrfField, field, layout, type PageContext } from "../ui.ts";

export function loginPage(ctx: PageContext, options: { next: string; error?: string }): string {
  return layout(ctx, {
    title: "Sign in",
    body: html`<div class="login">
      <div class="brand"><span>Sign in to Pier</span></div>
      <div class="card"><div class="cb">
        <form method="post" action="/login">
          ${csrfField(ctx)}<input type="hidden" name="next" value="${options.next}">
          ${field({
            name: "token",
            label: "Admin token",
            type: "password",
            errors: options.error ? { token: options.error } : {},
            required: true,
            autofocus: true,
            help: html`The value of <code>PIER_ADMIN_TOKEN</code> on the server.`,
          })}
          <button class="btn primary" type="submit">Sign in</button>
        </form>
      </div></div>
      <p class="center muted small">Sessions last 12 hours. Nothing else to configure.</p>
    </div>`,
  });
}

const EVERYWHERE = html`<button class="btn" type="submit">Sign out everywhere</button>`;
const ENDS_EVERY_SESSION = "Ends every dashboard session, in all browsers (for a lost laptop or a shared computer).";

/** GET /logout: signing out takes a form post (with the CSRF token), so a link elsewhere can't sign you out. */
export function logoutPage(ctx: PageContext): string {
  const csrf = csrfField(ctx);
  return layout(ctx, {
    title: "Sign out",
    body: html`<div class="login">
      <div class="card"><div class="cb">
        <form method="post" action="/logout">${csrf}<button class="btn primary" type="submit">Sign out</button></form>
        <p class="muted small">Ends this browser's session.</p>
        <form method="post" action="/logout/everywhere">${csrf}${EVERYWHERE}</form>
        <p class="muted small">${ENDS_EVERY_SESSION}</p>
      </div></div>
    </div>`,
  });
}
