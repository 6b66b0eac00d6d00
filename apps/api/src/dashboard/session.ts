import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";

export const SESSION_COOKIE = "pier_session";
export const LOGIN_COOKIE = "pier_login";
export const FLASH_COOKIE = "pier_flash";
export const SESSION_TTL_S = 12 * 60 * 60;

export interface Session {
  id: string;
  expiresAt: number;
}

export interface Flash {
  kind: "ok" | "error";
  text: string;
}

const b64url = (buf: Buffer) => buf.toString("base64url");

function equal(a: string, b: string): boolean {
  const x = createHash("sha256").update(a).digest();
  const y = createHash("sha256").update(b).digest();
  return timingSafeEqual(x, y);
}

/**
 * Signs and checks the dashboard's cookies and CSRF tokens. All keys are derived from the admin token,
 * so no extra configuration is needed and changing the token signs everyone out.
 */
export class DashboardKeys {
  private readonly sessionKey: Buffer;
  private readonly csrfKey: Buffer;
  private readonly flashKey: Buffer;
  private readonly tokenDigest: Buffer;

  constructor(adminToken: string) {
    const derive = (purpose: string) =>
      createHmac("sha256", adminToken).update(`pier-dashboard:${purpose}:v1`).digest();
    this.sessionKey = derive("session");
    this.csrfKey = derive("csrf");
    this.flashKey = derive("flash");
    this.tokenDigest = createHash("sha256").update(adminToken).digest();
  }

  /** Constant-time check of a token typed into the sign-in form. */
  isAdminToken(candidate: string): boolean {
    return timingSafeEqual(createHash("sha256").update(candidate).digest(), this.tokenDigest);
  }

  private sign(key: Buffer, payload: string): string {
    return b64url(createHmac("sha256", key).update(payload).digest());
  }

  newSession(now = Date.now()): { session: Session; cookie: string } {
    const session = { id: b64url(randomBytes(18)), expiresAt: Math.floor(now / 1000) + SESSION_TTL_S };
    const payload = `${session.id}.${session.expiresAt}`;
    return { session, cookie: `${payload}.${this.sign(this.sessionKey, payload)}` };
  }

  readSession(cookie: string | undefined, now = Date.now()): Session | null {
    if (!cookie) return null;
    const match = /^([A-Za-z0-9_-]{16,64})\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(cookie);
    if (!match) return null;
    const [, id, exp, sig] = match as unknown as [string, string, string, string];
    if (!equal(sig, this.sign(this.sessionKey, `${id}.${exp}`))) return null;
    const expiresAt = Number(exp);
    if (expiresAt * 1000 <= now) return null;
    return { id, expiresAt };
  }

  /** The CSRF token of a session (or of a sign-in attempt): an HMAC of its id. */
  csrfToken(sessionId: string): string {
    return this.sign(this.csrfKey, sessionId);
  }

  checkCsrf(sessionId: string, token: unknown): boolean {
    return typeof token === "string" && token.length > 0 && equal(token, this.csrfToken(sessionId));
  }

  newLoginNonce(): string {
    return b64url(randomBytes(18));
  }

  flashCookie(flash: Flash): string {
    const payload = b64url(Buffer.from(JSON.stringify(flash)));
    return `${payload}.${this.sign(this.flashKey, payload)}`;
  }

  readFlash(cookie: string | undefined): Flash | null {
    if (!cookie) return null;
    const [payload, sig] = cookie.split(".");
    if (!payload || !sig || !equal(sig, this.sign(this.flashKey, payload))) return null;
    try {
      const value = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as Flash;
      if ((value.kind === "ok" || value.kind === "error") && typeof value.text === "string")
        return { kind: value.kind, text: value.text.slice(0, 500) };
    } catch {
      // a malformed flash is ignored
    }
    return null;
  }
}
