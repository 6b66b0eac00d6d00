import cookie from "@fastify/cookie";
import formbody from "@fastify/formbody";
import { ReleaseError } from "@pier/release";
import type { FastifyError, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors, type FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { AppError, ERROR_STATUS } from "../errors.ts";
import { answerError } from "../plugins/app/error-handler.ts";
import { DashboardKit } from "./kit.ts";
import { errorPage } from "./pages/error.ts";
import { loginPage } from "./pages/session.ts";
import appRoutes from "./routes/app.ts";
import appsRoutes from "./routes/apps.ts";
import auditRoutes from "./routes/audit.ts";
import autoscaleRoutes from "./routes/autoscale.ts";
import deploymentRoutes from "./routes/deployment.ts";
import domainsRoutes from "./routes/domains.ts";
import flagsRoutes from "./routes/flags.ts";
import logsRoutes from "./routes/logs.ts";
import notFoundRoutes, { wantsPage } from "./routes/not-found.ts";
import nodesRoutes from "./routes/nodes.ts";
import notificationsRoutes from "./routes/notifications.ts";
import schedulesRoutes from "./routes/schedules.ts";
import rolloutsRoutes from "./routes/rollouts.ts";
import sessionRoutes from "./routes/session.ts";
import settingsRoutes from "./routes/settings.ts";
import { LOGIN_COOKIE } from "./session.ts";

/**
 * Requests that are answered without a session: the sign-in form, the sign-out page (a link can't sign you out: it
 * only shows the buttons), and any address nothing answers (its page shows nothing of Pier's, and the API's unknown
 * paths are answered by it too).
 */
const isPublic = (request: FastifyRequest) => {
  const route = request.routeOptions.url;
  return route === "/login" || (route === "/logout" && request.method === "GET") || request.is404;
};

/**
 * The admin dashboard: server-rendered pages at `/`, signed-in with the admin token. A client of the same
 * services as the JSON API, one route file per page. Encapsulated: cookies, form bodies, security
 * headers and the HTML error pages apply to these routes, and to addresses nothing answers (routes/not-found.ts).
 */
const dashboard: FastifyPluginAsyncZod = async (app) => {
  await app.register(cookie);
  await app.register(formbody, { bodyLimit: 256 * 1024 });
  const kit = new DashboardKit(app.pier);

  app.addHook("onRequest", async (request, reply) => {
    const session = await kit.begin(request);
    const route = request.routeOptions.url;
    // Signed in with the admin token: every scope; the audit log names it "dashboard session".
    if (session) request.principal = { kind: "session" };
    if (session || isPublic(request)) return;
    // Pages send you to sign in; a form post or a live fragment gets a plain 401 (scripts reload on it).
    if (request.method === "GET" && !route?.endsWith("/events") && !route?.endsWith("/replicas")) {
      return reply.redirect(`/login${request.url === "/" ? "" : `?next=${encodeURIComponent(request.url)}`}`, 302);
    }
    return kit.page(
      reply,
      errorPage(kit.context(request, reply), 401, "Signed out", "Your session has ended. Sign in again to continue."),
      401,
    );
  });

  // Every state-changing form carries a CSRF token bound to the session (or, to sign in, to a pre-session cookie).
  app.addHook("preValidation", async (request, reply) => {
    // An address nothing answers changes nothing: it answers 404 whatever the form carries.
    if (request.method !== "POST" || request.is404) return;
    const body = request.body as { _csrf?: unknown } | null | undefined;
    const isLogin = request.routeOptions.url === "/login";
    const boundTo = isLogin ? request.cookies[LOGIN_COOKIE] : kit.state(request).session?.id;
    if (boundTo && kit.keys.checkCsrf(boundTo, body && typeof body === "object" ? body._csrf : undefined)) return;
    if (isLogin) {
      const nonce = kit.keys.newLoginNonce();
      reply.setCookie(LOGIN_COOKIE, nonce, kit.cookieOptions(request, 3_600));
      return kit.page(
        reply,
        loginPage(kit.context(request, reply, nonce), { next: "/", error: "The sign-in form expired. Try again." }),
        403,
      );
    }
    return kit.page(
      reply,
      errorPage(
        kit.context(request, reply),
        403,
        "Form expired",
        "This form's security token is missing or out of date. Go back, reload the page and try again.",
      ),
      403,
    );
  });

  app.addHook("onSend", async (request, reply, payload) => {
    const { nonce } = kit.state(request);
    const policy = [
      "default-src 'none'",
      `script-src 'nonce-${nonce}'`,
      `style-src 'nonce-${nonce}'`,
      "img-src 'self' data:",
      "connect-src 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
      "base-uri 'none'",
    ];
    reply.header("content-security-policy", policy.join("; "));
    reply.header("x-frame-options", "DENY");
    reply.header("x-content-type-options", "nosniff");
    reply.header("referrer-policy", "same-origin");
    reply.header("cross-origin-opener-policy", "same-origin");
    reply.header("permissions-policy", "camera=(), microphone=(), geolocation=(), clipboard-write=(self)");
    reply.header("cache-control", "no-store");
    return payload;
  });

  app.setErrorHandler((error, request, reply) => {
    // An unknown address answered in JSON (notFoundRoutes) had its body refused: the API's error, in its shape.
    if (request.is404 && !wantsPage(request)) return answerError(error as FastifyError, request, reply);
    const ctx = kit.context(request, reply);
    if (hasZodFastifySchemaValidationErrors(error)) {
      if (error.validationContext === "params")
        return kit.page(reply, errorPage(ctx, 404, "Not found", "There is nothing at this address."), 404);
      return kit.page(
        reply,
        errorPage(ctx, 400, "That didn't look right", error.validation.map((i) => i.message).join("; ")),
        400,
      );
    }
    if (error instanceof AppError || error instanceof ReleaseError) {
      const status = ERROR_STATUS[error.code];
      const title = status === 404 ? "Not found" : "That didn't work";
      return kit.page(reply, errorPage(ctx, status, title, error.message), status);
    }
    const status = (error as { statusCode?: number }).statusCode ?? 500;
    if (status < 500)
      return kit.page(reply, errorPage(ctx, status, "That didn't work", (error as Error).message), status);
    request.log.error({ err: error }, "dashboard page failed");
    return kit.page(
      reply,
      errorPage(ctx, 500, "Something went wrong", "Pier couldn't show this page; the server log has the details."),
      500,
    );
  });

  for (const routes of [
    sessionRoutes,
    appsRoutes,
    appRoutes,
    autoscaleRoutes,
    domainsRoutes,
    flagsRoutes,
    schedulesRoutes,
    rolloutsRoutes,
    logsRoutes,
    settingsRoutes,
    deploymentRoutes,
    notificationsRoutes,
    auditRoutes,
    nodesRoutes,
    notFoundRoutes,
  ])
    await app.register(routes, { kit });
};

export default dashboard;
