import cookie from "@fastify/cookie";
import formbody from "@fastify/formbody";
import type { Deployment } from "@pier/db";
import { ReleaseError } from "@pier/release";
import type { FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors, type FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { AppError, ERROR_STATUS } from "../errors.ts";
import { appParams, createAppBody, envKey, updateAppBody } from "../schemas/app.ts";
import { deploymentParams } from "../schemas/deployment.ts";
import { deploymentIdField } from "../schemas/release.ts";
import { createApp, deleteApp, findAppByName, updateApp } from "../services/apps.ts";
import { createDeployment } from "../services/create-deployment.ts";
import { streamDeploymentLog } from "../services/log-stream.ts";
import { releaseExistingDeployment, toReleaseDtos } from "../services/releases.ts";
import { toAppDto, toDeploymentDto } from "../services/views.ts";
import { appPage, appsPage, deploymentPage, errorPage, loginPage, newAppPage, runtimeLogsPage, settingsPage, type FieldErrors, type FormValues } from "./pages.ts";
import { DashboardKeys, FLASH_COOKIE, LOGIN_COOKIE, SESSION_COOKIE, SESSION_TTL_S, type Flash, type Session } from "./session.ts";
import type { PageContext } from "./ui.ts";

const html200 = { 200: z.string().describe("text/html") };
const formText = z.string().max(4_000).optional().default("");
const csrfBody = z.object({ _csrf: z.string().max(200) });
const LOGIN_WINDOW_MS = 5 * 60_000;
const LOGIN_MAX_FAILURES = 10;

interface RequestState {
  nonce: string;
  session: Session | null;
}

/** A path on this site to go back to after signing in (never another origin). */
function safeNext(next: string | undefined): string {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\") || next.startsWith("/login")) return "/";
  return next;
}

function fieldErrors(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const key = String(issue.path[0] ?? "_form");
    errors[key] ??= issue.message;
  }
  return errors;
}

function errorMessage(error: unknown): { known: boolean; text: string } {
  if (error instanceof AppError || error instanceof ReleaseError) return { known: true, text: error.message };
  return { known: false, text: "Something went wrong on Pier's side; the server log has the details." };
}

/**
 * The admin dashboard: server-rendered pages at `/`, signed-in with the admin token. Encapsulated:
 * cookies, form bodies, security headers and the HTML error pages apply to these routes only.
 */
const dashboard: FastifyPluginAsyncZod = async (app) => {
  await app.register(cookie);
  await app.register(formbody, { bodyLimit: 256 * 1024 });

  const deps = app.pier;
  const { config, prisma } = deps;
  const keys = new DashboardKeys(config.PIER_ADMIN_TOKEN);
  const states = new WeakMap<FastifyRequest, RequestState>();
  const loginFailures = new Map<string, { count: number; since: number }>();
  const secureCookies = config.PIER_PUBLIC_URL?.startsWith("https:") ?? false;

  const cookieOptions = (request: FastifyRequest, maxAge?: number) => ({
    httpOnly: true,
    sameSite: "strict" as const,
    path: "/",
    secure: secureCookies || request.protocol === "https",
    ...(maxAge !== undefined ? { maxAge } : {}),
  });
  const stateOf = (request: FastifyRequest): RequestState => states.get(request) ?? { nonce: randomBytes(16).toString("base64"), session: null };

  function context(request: FastifyRequest, reply: FastifyReply, csrfFor?: string): PageContext {
    const state = stateOf(request);
    const flash = keys.readFlash(request.cookies[FLASH_COOKIE]);
    if (request.cookies[FLASH_COOKIE]) reply.clearCookie(FLASH_COOKIE, cookieOptions(request));
    const csrfId = csrfFor ?? state.session?.id;
    return { nonce: state.nonce, csrf: csrfId ? keys.csrfToken(csrfId) : "", signedIn: state.session !== null, flash, now: Date.now() };
  }
  const page = (reply: FastifyReply, body: string, status = 200) => reply.status(status).type("text/html; charset=utf-8").send(body);
  const flashAndGo = (request: FastifyRequest, reply: FastifyReply, flash: Flash, to: string) => {
    reply.setCookie(FLASH_COOKIE, keys.flashCookie(flash), cookieOptions(request, 60));
    return reply.redirect(to, 303);
  };
  /** Runs an action; a domain error becomes a flash message on `back` instead of an error page. */
  async function action(request: FastifyRequest, reply: FastifyReply, back: string, run: () => Promise<{ flash?: Flash; to?: string }>) {
    try {
      const result = await run();
      if (result.flash) return flashAndGo(request, reply, result.flash, result.to ?? back);
      return reply.redirect(result.to ?? back, 303);
    } catch (error) {
      const { known, text } = errorMessage(error);
      if (!known) request.log.error({ err: error }, "dashboard action failed");
      return flashAndGo(request, reply, { kind: "error", text }, back);
    }
  }

  // ------------------------------------------------------------ hooks

  app.addHook("onRequest", async (request, reply) => {
    const session = keys.readSession(request.cookies[SESSION_COOKIE]);
    states.set(request, { nonce: randomBytes(16).toString("base64"), session });
    const route = request.routeOptions.url;
    if (route === "/login" || (route === "/logout" && request.method === "GET")) return;
    if (session) return;
    if (request.method === "GET" && !route?.endsWith("/events")) {
      return reply.redirect(`/login${request.url === "/" ? "" : `?next=${encodeURIComponent(request.url)}`}`, 302);
    }
    return page(reply, errorPage(context(request, reply), 401, "Signed out", "Your session has ended. Sign in again to continue."), 401);
  });

  // Every state-changing form carries a CSRF token bound to the session (or, to sign in, to a pre-session cookie).
  app.addHook("preValidation", async (request, reply) => {
    if (request.method !== "POST") return;
    const body = request.body as { _csrf?: unknown } | null | undefined;
    const isLogin = request.routeOptions.url === "/login";
    const boundTo = isLogin ? request.cookies[LOGIN_COOKIE] : stateOf(request).session?.id;
    if (boundTo && keys.checkCsrf(boundTo, body && typeof body === "object" ? body._csrf : undefined)) return;
    if (isLogin) {
      const nonce = keys.newLoginNonce();
      reply.setCookie(LOGIN_COOKIE, nonce, cookieOptions(request, 3_600));
      return page(reply, loginPage(context(request, reply, nonce), { next: "/", error: "The sign-in form expired. Try again." }), 403);
    }
    return page(reply, errorPage(context(request, reply), 403, "Form expired", "This form's security token is missing or out of date. Go back, reload the page and try again."), 403);
  });

  app.addHook("onSend", async (request, reply, payload) => {
    const { nonce } = stateOf(request);
    reply.header(
      "content-security-policy",
      `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'nonce-${nonce}'; img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'`,
    );
    reply.header("x-frame-options", "DENY");
    reply.header("x-content-type-options", "nosniff");
    reply.header("referrer-policy", "same-origin");
    reply.header("cross-origin-opener-policy", "same-origin");
    reply.header("permissions-policy", "camera=(), microphone=(), geolocation=(), clipboard-write=(self)");
    reply.header("cache-control", "no-store");
    return payload;
  });

  app.setErrorHandler((error, request, reply) => {
    const ctx = context(request, reply);
    if (hasZodFastifySchemaValidationErrors(error)) {
      if (error.validationContext === "params") return page(reply, errorPage(ctx, 404, "Not found", "There is nothing at this address."), 404);
      return page(reply, errorPage(ctx, 400, "That didn't look right", error.validation.map((i) => i.message).join("; ")), 400);
    }
    if (error instanceof AppError || error instanceof ReleaseError) {
      const status = ERROR_STATUS[error.code];
      const title = status === 404 ? "Not found" : "That didn't work";
      return page(reply, errorPage(ctx, status, title, error.message), status);
    }
    const status = (error as { statusCode?: number }).statusCode ?? 500;
    if (status < 500) return page(reply, errorPage(ctx, status, "That didn't work", (error as Error).message), status);
    request.log.error({ err: error }, "dashboard page failed");
    return page(reply, errorPage(ctx, 500, "Something went wrong", "Pier couldn't show this page; the server log has the details."), 500);
  });

  // ------------------------------------------------------------ sign-in

  app.get("/login", { schema: { hide: true, querystring: z.object({ next: z.string().max(2_000).optional() }), response: html200 } }, async (request, reply) => {
    if (stateOf(request).session) return reply.redirect(safeNext(request.query.next), 302);
    const existing = request.cookies[LOGIN_COOKIE];
    const nonce = existing && /^[A-Za-z0-9_-]{24}$/.test(existing) ? existing : keys.newLoginNonce();
    reply.setCookie(LOGIN_COOKIE, nonce, cookieOptions(request, 3_600));
    return page(reply, loginPage(context(request, reply, nonce), { next: safeNext(request.query.next) }));
  });

  app.post(
    "/login",
    { schema: { hide: true, body: csrfBody.extend({ token: formText, next: formText }), response: { ...html200, 401: z.string(), 429: z.string() } } },
    async (request, reply) => {
      const ip = request.ip;
      const now = Date.now();
      const failures = loginFailures.get(ip);
      if (failures && now - failures.since > LOGIN_WINDOW_MS) loginFailures.delete(ip);
      const nonce = request.cookies[LOGIN_COOKIE]!;
      const next = safeNext(request.body.next);
      if ((loginFailures.get(ip)?.count ?? 0) >= LOGIN_MAX_FAILURES) {
        return page(reply, loginPage(context(request, reply, nonce), { next, error: "Too many wrong tokens. Wait a few minutes and try again." }), 429);
      }
      if (!keys.isAdminToken(request.body.token.trim())) {
        const entry = loginFailures.get(ip) ?? { count: 0, since: now };
        entry.count++;
        loginFailures.set(ip, entry);
        await new Promise((resolve) => setTimeout(resolve, 200));
        return page(reply, loginPage(context(request, reply, nonce), { next, error: "That token isn't right. Check PIER_ADMIN_TOKEN on the server." }), 401);
      }
      loginFailures.delete(ip);
      const { cookie: value } = keys.newSession(now);
      reply.setCookie(SESSION_COOKIE, value, cookieOptions(request, SESSION_TTL_S));
      reply.clearCookie(LOGIN_COOKIE, cookieOptions(request));
      return reply.redirect(next, 303);
    },
  );

  const signOut = async (request: FastifyRequest, reply: FastifyReply) => {
    reply.clearCookie(SESSION_COOKIE, cookieOptions(request));
    return reply.redirect("/login", 303);
  };
  app.get("/logout", { schema: { hide: true } }, signOut);
  app.post("/logout", { schema: { hide: true, body: csrfBody } }, signOut);

  // ------------------------------------------------------------ apps

  app.get("/", { schema: { hide: true, response: html200 } }, async (request, reply) => {
    const apps = await prisma.app.findMany({ orderBy: { name: "asc" }, include: { deployments: { orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 1 } } });
    const rows = apps.map((a) => ({ app: toAppDto(config, a), latest: a.deployments[0] ?? null, live: a.productionDeploymentId !== null }));
    return page(reply, appsPage(context(request, reply), rows));
  });

  app.get("/apps/new", { schema: { hide: true, response: html200 } }, async (request, reply) => page(reply, newAppPage(context(request, reply), {}, {})));

  const newAppForm = csrfBody.extend({ name: formText, repoUrl: formText, branch: formText, rootDir: formText, port: formText, healthCheckPath: formText });
  app.post("/apps/new", { schema: { hide: true, body: newAppForm, response: { ...html200, 400: z.string(), 409: z.string() } } }, async (request, reply) => {
    const { _csrf, ...rest } = request.body;
    void _csrf;
    const values: FormValues = Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, v.trim()]));
    const errors: FieldErrors = {};
    if (!values.name) errors.name = "Give the app a name.";
    else if (values.name === "new") errors.name = "“new” is reserved by the dashboard; pick another name.";
    if (!values.repoUrl) errors.repoUrl = "Paste the repository's URL.";
    if (values.port && !/^\d{1,5}$/.test(values.port)) errors.port = "must be a whole number between 1 and 65535";
    const parsed = createAppBody.safeParse({
      name: values.name,
      repoUrl: values.repoUrl,
      branch: values.branch || undefined,
      rootDir: values.rootDir || undefined,
      port: values.port && !errors.port ? Number(values.port) : undefined,
      healthCheckPath: values.healthCheckPath || undefined,
    });
    if (!parsed.success) for (const [k, message] of Object.entries(fieldErrors(parsed.error.issues))) errors[k] ??= message;
    if (Object.keys(errors).length > 0 || !parsed.success) return page(reply, newAppPage(context(request, reply), values, errors), 400);
    try {
      const created = await createApp(deps, parsed.data);
      return flashAndGo(request, reply, { kind: "ok", text: `Created ${created.name}. Press Deploy to build it now, or add the webhook from Settings so every push deploys.` }, `/apps/${created.name}`);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const field = error.field && error.field in values ? error.field : "_form";
      const status = ERROR_STATUS[error.code];
      return page(reply, newAppPage(context(request, reply), values, { [field]: error.message.replace(/^repoUrl: /, "") }), status === 409 ? 409 : 400);
    }
  });

  app.get("/apps/:name", { schema: { hide: true, params: appParams, response: html200 } }, async (request, reply) => {
    const target = await findAppByName(prisma, request.params.name);
    const [deployments, releases] = await Promise.all([
      prisma.deployment.findMany({ where: { appId: target.id }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 30 }),
      prisma.release.findMany({ where: { appId: target.id }, orderBy: { version: "desc" }, take: 30 }),
    ]);
    const production: Deployment | null = target.productionDeploymentId
      ? (deployments.find((d) => d.id === target.productionDeploymentId) ?? (await prisma.deployment.findUnique({ where: { id: target.productionDeploymentId } })))
      : null;
    const views = deployments.map((d) => ({ view: toDeploymentDto(config, d, target), raw: d }));
    const releaseViews = await toReleaseDtos(deps, target.id, releases, target.productionDeploymentId);
    return page(reply, appPage(context(request, reply), toAppDto(config, target), views, releaseViews, production));
  });

  app.post("/apps/:name/deploy", { schema: { hide: true, params: appParams, body: csrfBody } }, async (request, reply) =>
    action(request, reply, `/apps/${request.params.name}`, async () => {
      const target = await findAppByName(prisma, request.params.name);
      const { deployment } = await createDeployment(deps, { app: target, trigger: "DASHBOARD", branch: target.branch });
      return { to: `/deployments/${deployment.id}` };
    }),
  );

  const releaseBody = csrfBody.extend({ deploymentId: deploymentIdField.optional() });
  for (const kind of ["ROLLBACK", "PROMOTE"] as const) {
    app.post(`/apps/:name/${kind.toLowerCase()}`, { schema: { hide: true, params: appParams, body: releaseBody } }, async (request, reply) =>
      action(request, reply, `/apps/${request.params.name}`, async () => {
        if (kind === "PROMOTE" && !request.body.deploymentId) throw new AppError("validation_failed", "choose a deployment to promote");
        const result = await releaseExistingDeployment(deps, request.log, { appName: request.params.name, deploymentId: request.body.deploymentId, kind, cause: "DASHBOARD" });
        const verb = kind === "ROLLBACK" ? "Rolled back" : "Promoted";
        const routed = result.routed ? "" : " The router hasn't confirmed yet; it will pick it up shortly.";
        return { flash: { kind: "ok", text: `${verb}: ${result.release.name} puts deployment ${result.deployment.shortId} live.${routed}` } };
      }),
    );
  }

  // ------------------------------------------------------------ settings

  async function renderSettings(request: FastifyRequest, reply: FastifyReply, name: string, values: FormValues = {}, errors: FieldErrors = {}, status = 200) {
    const target = await findAppByName(prisma, name);
    const [vars, deploymentCount] = await Promise.all([
      prisma.envVar.findMany({ where: { appId: target.id }, orderBy: { key: "asc" } }),
      prisma.deployment.count({ where: { appId: target.id } }),
    ]);
    const env = vars.map((v) => ({ key: v.key, masked: "••••••••", updatedAt: v.updatedAt }));
    return page(reply, settingsPage(context(request, reply), toAppDto(config, target), target.productionDeploymentId !== null, deploymentCount > 0, env, values, errors), status);
  }

  app.get(
    "/apps/:name/logs",
    { schema: { hide: true, params: appParams, querystring: z.object({ follow: z.enum(["1", "0"]).optional() }), response: html200 } },
    async (request, reply) => {
      const target = await findAppByName(prisma, request.params.name);
      const live = target.productionDeploymentId ? await prisma.deployment.findUnique({ where: { id: target.productionDeploymentId } }) : null;
      const output = live?.containerId ? await deps.runtime.containerLogs(live.containerId, 300) : null;
      const hasDeployments = (await prisma.deployment.count({ where: { appId: target.id } })) > 0;
      return page(reply, runtimeLogsPage(context(request, reply), toAppDto(config, target), Boolean(live), hasDeployments, output, request.query.follow === "1"));
    },
  );

  app.get("/apps/:name/settings", { schema: { hide: true, params: appParams, response: html200 } }, async (request, reply) => renderSettings(request, reply, request.params.name));

  const settingsForm = csrfBody.extend({ repoUrl: formText, branch: formText, rootDir: formText, port: formText, healthCheckPath: formText, previews: z.literal("on").optional() });
  app.post("/apps/:name/settings", { schema: { hide: true, params: appParams, body: settingsForm, response: { 400: z.string() } } }, async (request, reply) => {
    const { _csrf, ...rest } = request.body;
    void _csrf;
    const values: FormValues = Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, v.trim()]));
    const errors: FieldErrors = {};
    if (values.port && !/^\d{1,5}$/.test(values.port)) errors.port = "must be a whole number between 1 and 65535";
    const parsed = updateAppBody.safeParse({
      repoUrl: values.repoUrl,
      branch: values.branch,
      rootDir: values.rootDir,
      port: values.port && !errors.port ? Number(values.port) : null,
      healthCheckPath: values.healthCheckPath || "/",
      previews: values.previews === "on",
    });
    if (!parsed.success) for (const [k, message] of Object.entries(fieldErrors(parsed.error.issues))) errors[k] ??= message;
    if (Object.keys(errors).length > 0 || !parsed.success) return renderSettings(request, reply, request.params.name, values, errors, 400);
    try {
      await updateApp(deps, request.params.name, parsed.data);
    } catch (error) {
      if (error instanceof AppError && error.field === "repoUrl") {
        return renderSettings(request, reply, request.params.name, values, { repoUrl: error.message.replace(/^repoUrl: /, "") }, 400);
      }
      throw error;
    }
    return flashAndGo(request, reply, { kind: "ok", text: "Settings saved. They apply to the next deploy." }, `/apps/${request.params.name}/settings`);
  });

  app.post("/apps/:name/env", { schema: { hide: true, params: appParams, body: csrfBody.extend({ key: formText, value: z.string().max(40_000).optional().default("") }), response: { 400: z.string() } } }, async (request, reply) => {
    const key = request.body.key.trim();
    const { value } = request.body;
    const checked = envKey.safeParse(key);
    const errors: FieldErrors = {};
    if (!key) errors.key = "Enter a key.";
    else if (!checked.success) errors.key = checked.error.issues[0]?.message ?? "is not a valid key";
    if (value.length > 32_768) errors.value = "must be at most 32 768 characters";
    if (Object.keys(errors).length > 0) return renderSettings(request, reply, request.params.name, { key, value }, errors, 400);
    const target = await findAppByName(prisma, request.params.name);
    await prisma.envVar.upsert({ where: { appId_key: { appId: target.id, key } }, create: { appId: target.id, key, value }, update: { value } });
    return flashAndGo(request, reply, { kind: "ok", text: `Set ${key}. Changes apply to the next deploy.` }, `/apps/${target.name}/settings#env`);
  });

  app.post("/apps/:name/env/unset", { schema: { hide: true, params: appParams, body: csrfBody.extend({ key: envKey }) } }, async (request, reply) =>
    action(request, reply, `/apps/${request.params.name}/settings#env`, async () => {
      const target = await findAppByName(prisma, request.params.name);
      const { count } = await prisma.envVar.deleteMany({ where: { appId: target.id, key: request.body.key } });
      if (count === 0) throw new AppError("not_found", `${request.body.key} is not set`);
      return { flash: { kind: "ok", text: `Removed ${request.body.key}. Changes apply to the next deploy.` } };
    }),
  );

  app.post("/apps/:name/delete", { schema: { hide: true, params: appParams, body: csrfBody.extend({ confirm: formText }), response: { 400: z.string() } } }, async (request, reply) => {
    const { name } = request.params;
    if (request.body.confirm.trim() !== name) {
      return renderSettings(request, reply, name, { confirm: request.body.confirm }, { confirm: `Type ${name} exactly to confirm.` }, 400);
    }
    return action(request, reply, `/apps/${name}/settings`, async () => {
      const { removedContainers } = await deleteApp(deps, name);
      return { to: "/", flash: { kind: "ok", text: `Deleted ${name}${removedContainers ? ` and stopped ${removedContainers} container(s)` : ""}.` } };
    });
  });

  // ------------------------------------------------------------ deployments

  app.get("/deployments/:id", { schema: { hide: true, params: deploymentParams, response: html200 } }, async (request, reply) => {
    const deployment = await prisma.deployment.findUnique({ where: { id: request.params.id }, include: { app: true } });
    if (!deployment) throw new AppError("deployment_not_found", `deployment ${request.params.id} does not exist`, "id");
    const lines = await prisma.buildLog.findMany({ where: { deploymentId: deployment.id }, orderBy: { id: "asc" }, take: 10_000 });
    const target = deployment.app;
    let canRelease: "rollback" | "promote" | null = null;
    if (deployment.status === "READY" && target.productionDeploymentId !== deployment.id && !deployment.imagePrunedAt) {
      const production = target.productionDeploymentId ? await prisma.deployment.findUnique({ where: { id: target.productionDeploymentId } }) : null;
      canRelease = production && deployment.createdAt < production.createdAt ? "rollback" : "promote";
    }
    const view = toDeploymentDto(config, deployment, target);
    const logLines = lines.map((l) => ({ id: l.id.toString(), stream: l.stream, line: l.line, at: l.createdAt }));
    return page(reply, deploymentPage(context(request, reply), toAppDto(config, target), view, logLines, canRelease));
  });

  app.get(
    "/deployments/:id/events",
    { schema: { hide: true, params: deploymentParams, querystring: z.object({ after: z.coerce.bigint().min(0n).optional() }), response: { 200: z.string().describe("text/event-stream") } } },
    async (request, reply) => streamDeploymentLog(deps, request.params.id, request, reply, request.query.after ?? 0n),
  );
};

export default dashboard;
