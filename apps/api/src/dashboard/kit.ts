import type { FastifyReply, FastifyRequest } from "fastify";
import { randomBytes } from "node:crypto";
import type { PierDeps } from "../plugins/app/deps.ts";
import { errorMessage } from "./forms.ts";
import { confirmPage, type Confirmation } from "./pages/confirm.ts";
import { DashboardKeys, FLASH_COOKIE, SESSION_COOKIE, type Flash, type Session } from "./session.ts";
import { SessionStore } from "./session-store.ts";
import type { PageContext } from "./ui.ts";

interface RequestState {
  nonce: string;
  session: Session | null;
}

/**
 * What every dashboard route needs besides the services: the request's session and CSP nonce, cookies,
 * flash messages, and answering with a page or a redirect. One instance per dashboard.
 */
export class DashboardKit {
  readonly keys: DashboardKeys;
  readonly sessions: SessionStore;
  private readonly states = new WeakMap<FastifyRequest, RequestState>();
  private readonly secureCookies: boolean;

  constructor(readonly deps: PierDeps) {
    this.keys = new DashboardKeys(deps.config.PIER_ADMIN_TOKEN);
    this.sessions = new SessionStore(deps.redis, deps.config.PIER_QUEUE_NAME);
    this.secureCookies = deps.config.PIER_PUBLIC_URL?.startsWith("https:") ?? false;
  }

  /**
   * Reads the session cookie (signed, and not signed out) and draws the request's nonce; the first thing on every
   * request.
   */
  async begin(request: FastifyRequest): Promise<Session | null> {
    const state: RequestState = { nonce: randomBytes(16).toString("base64"), session: null };
    this.states.set(request, state);
    const signed = this.keys.readSession(request.cookies[SESSION_COOKIE]);
    state.session = signed && (await this.sessions.has(signed)) ? signed : null;
    return state.session;
  }

  state(request: FastifyRequest): RequestState {
    let state = this.states.get(request);
    if (!state) {
      state = { nonce: randomBytes(16).toString("base64"), session: null };
      this.states.set(request, state);
    }
    return state;
  }

  cookieOptions(request: FastifyRequest, maxAge?: number) {
    return {
      httpOnly: true,
      sameSite: "strict" as const,
      path: "/",
      secure: this.secureCookies || request.protocol === "https",
      ...(maxAge !== undefined ? { maxAge } : {}),
    };
  }

  /** The page's context; reading it consumes the flash message. `csrfFor` binds forms to a pre-session (sign-in). */
  context(request: FastifyRequest, reply: FastifyReply, csrfFor?: string): PageContext {
    const state = this.state(request);
    const flash = this.keys.readFlash(request.cookies[FLASH_COOKIE]);
    if (request.cookies[FLASH_COOKIE]) reply.clearCookie(FLASH_COOKIE, this.cookieOptions(request));
    const csrfId = csrfFor ?? state.session?.id;
    return {
      nonce: state.nonce,
      csrf: csrfId ? this.keys.csrfToken(csrfId) : "",
      signedIn: state.session !== null,
      flash,
      now: Date.now(),
    };
  }

  page(reply: FastifyReply, body: string, status = 200): FastifyReply {
    return reply.status(status).type("text/html; charset=utf-8").send(body);
  }

  flashAndGo(request: FastifyRequest, reply: FastifyReply, flash: Flash, to: string): FastifyReply {
    reply.setCookie(FLASH_COOKIE, this.keys.flashCookie(flash), this.cookieOptions(request, 60));
    return reply.redirect(to, 303);
  }

  /**
   * A destructive action's check: null when the form arrived confirmed (`confirmed=yes`), else the reply
   * showing the confirmation page, which posts the same fields again, confirmed. Every destructive route
   * asks it first, so nothing is removed by a stray click or a browser without JavaScript.
   */
  confirmFirst(request: FastifyRequest, reply: FastifyReply, question: Confirmation): FastifyReply | null {
    const body = (request.body ?? {}) as Record<string, string | string[] | undefined>;
    if (body.confirmed === "yes") return null;
    const action = request.url.split("?")[0]!;
    return this.page(reply, confirmPage(this.context(request, reply), action, body, question));
  }

  /** Runs an action, then redirects; a domain error becomes a flash message on `back` instead of an error page. */
  async action(
    request: FastifyRequest,
    reply: FastifyReply,
    back: string,
    run: () => Promise<{ flash?: Flash; to?: string }>,
  ): Promise<FastifyReply> {
    try {
      const result = await run();
      if (result.flash) return this.flashAndGo(request, reply, result.flash, result.to ?? back);
      return reply.redirect(result.to ?? back, 303);
    } catch (error) {
      const { known, text } = errorMessage(error);
      if (!known) request.log.error({ err: error }, "dashboard action failed");
      return this.flashAndGo(request, reply, { kind: "error", text }, back);
    }
  }
}

/** Options every dashboard route plugin receives. */
export interface DashboardRoutesOptions {
  kit: DashboardKit;
}
