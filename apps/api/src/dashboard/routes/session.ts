import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { csrfBody, formText, html200 } from "../forms.ts";
import type { DashboardRoutesOptions } from "../kit.ts";
import { loginPage, logoutPage } from "../pages/session.ts";
import { LOGIN_COOKIE, SESSION_COOKIE, SESSION_TTL_S } from "../session.ts";
import { WRONG_SIGN_IN_ACTOR } from "../../services/audit.ts";

const LOGIN_WINDOW_MS = 5 * 60_000;
const LOGIN_MAX_FAILURES = 10;

/**
 * A path on this site to go back to after signing in, or "/". Only a same-origin path passes: printable
 * ASCII, one leading "/" not followed by "/" or "\\", and, once percent-decoded, still no control
 * character or whitespace (browsers drop tabs and newlines, so "/\t/evil.example" would become "//evil.example").
 */
export function safeNext(next: string | undefined): string {
  if (!next || !/^[\x21-\x7e]+$/.test(next)) return "/";
  let decoded: string;
  try {
    decoded = decodeURIComponent(next);
  } catch {
    return "/";
  }
  for (const path of [next, decoded]) {
    if (!path.startsWith("/") || path[1] === "/" || path[1] === "\\" || /[\s\p{Cc}]/u.test(path)) return "/";
  }
  return next.startsWith("/login") ? "/" : next;
}

/** Signing in with the admin token (throttled per address) and out: of this browser, or of every one. */
const sessionRoutes: FastifyPluginAsyncZod<DashboardRoutesOptions> = async (app, { kit }) => {
  const loginFailures = new Map<string, { count: number; since: number }>();

  app.get(
    "/login",
    { schema: { hide: true, querystring: z.object({ next: z.string().max(2_000).optional() }), response: html200 } },
    async (request, reply) => {
      if (kit.state(request).session) return reply.redirect(safeNext(request.query.next), 302);
      const existing = request.cookies[LOGIN_COOKIE];
      const nonce = existing && /^[A-Za-z0-9_-]{24}$/.test(existing) ? existing : kit.keys.newLoginNonce();
      reply.setCookie(LOGIN_COOKIE, nonce, kit.cookieOptions(request, 3_600));
      return kit.page(reply, loginPage(kit.context(request, reply, nonce), { next: safeNext(request.query.next) }));
    },
  );

  app.post(
    "/login",
    {
      schema: {
        hide: true,
        body: csrfBody.extend({ token: formText, next: formText }),
        response: { ...html200, 401: z.string(), 429: z.string() },
      },
    },
    async (request, reply) => {
      const ip = request.ip;
      const now = Date.now();
      const failures = loginFailures.get(ip);
      if (failures && now - failures.since > LOGIN_WINDOW_MS) loginFailures.delete(ip);
      const nonce = request.cookies[LOGIN_COOKIE]!;
      const next = safeNext(request.body.next);
      if ((loginFailures.get(ip)?.count ?? 0) >= LOGIN_MAX_FAILURES) {
        return kit.page(
          reply,
          loginPage(kit.context(request, reply, nonce), {
            next,
            error: "Too many wrong tokens. Wait a few minutes and try again.",
          }),
          429,
        );
      }
      if (!kit.keys.isAdminToken(request.body.token.trim())) {
        // Wrong tokens are audited; throttled attempts (429) are not, so nobody can fill the log by hammering the form.
        request.auditActor = WRONG_SIGN_IN_ACTOR;
        const entry = loginFailures.get(ip) ?? { count: 0, since: now };
        entry.count++;
        loginFailures.set(ip, entry);
        await new Promise((resolve) => setTimeout(resolve, 200));
        return kit.page(
          reply,
          loginPage(kit.context(request, reply, nonce), {
            next,
            error: "That token isn't right. Check PIER_ADMIN_TOKEN on the server.",
          }),
          401,
        );
      }
      loginFailures.delete(ip);
      // Signed in from here on: the audit log records the sign-in as the new dashboard session's first act.
      request.principal = { kind: "session" };
      const { session, cookie: value } = kit.keys.newSession(now);
      await kit.sessions.add(session, now);
      reply.setCookie(SESSION_COOKIE, value, kit.cookieOptions(request, SESSION_TTL_S));
      reply.clearCookie(LOGIN_COOKIE, kit.cookieOptions(request));
      return reply.redirect(next, 303);
    },
  );

  // A link (or an image) elsewhere can't sign you out: GET only shows the buttons; signing out is a form post with
  // the CSRF token.
  app.get("/logout", { schema: { hide: true, response: html200 } }, async (request, reply) => {
    if (!kit.state(request).session) return reply.redirect("/login", 303);
    return kit.page(reply, logoutPage(kit.context(request, reply)));
  });

  // The session ends on the server too: a copy of the cookie stops working.
  app.post("/logout", { schema: { hide: true, body: csrfBody } }, async (request, reply) => {
    await kit.sessions.remove(kit.state(request).session!.id);
    reply.clearCookie(SESSION_COOKIE, kit.cookieOptions(request));
    return reply.redirect("/login", 303);
  });

  app.post("/logout/everywhere", { schema: { hide: true, body: csrfBody } }, async (request, reply) => {
    const ended = await kit.sessions.removeAll();
    reply.clearCookie(SESSION_COOKIE, kit.cookieOptions(request));
    request.log.info({ sessions: ended }, "dashboard: signed out everywhere");
    return kit.flashAndGo(
      request,
      reply,
      { kind: "ok", text: `Signed out everywhere (${ended} session${ended === 1 ? "" : "s"} ended).` },
      "/login",
    );
  });
};

export default sessionRoutes;
