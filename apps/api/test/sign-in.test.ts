import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { buildApp } from "../src/build-app.ts";
import { safeNext } from "../src/dashboard/routes/session.ts";
import { testConfig } from "../../../tests/support/platform.ts";

import { cookieOf, csrfOf, form, postSignIn } from "../../../tests/support/dashboard-forms.ts";

describe("sign-in's next: same-origin paths only", () => {
  it("keeps paths on this site", () => {
    for (const path of ["/", "/apps/web", "/apps/web/settings?tab=env", "/apps/web%2Fx", "/notifications#top"])
      expect(safeNext(path)).toBe(path);
  });

  it("sends anything else to /", () => {
    const offSite = [
      "/\t/evil.example", // a tab browsers drop: //evil.example
      "/%09/evil.example",
      "/\n/evil.example",
      "/%0a/evil.example",
      "/ /evil.example",
      "/%20/evil.example",
      "//evil.example",
      "/\\evil.example",
      "/%2F/evil.example",
      "/%5Cevil.example",
      "https://evil.example/",
      "evil.example",
      "/\u00a0/evil.example",
      "/%E2%80%A8/evil.example",
      "/%zz",
      "/login?next=/apps",
      "",
      undefined,
    ];
    for (const next of offSite) expect(safeNext(next), JSON.stringify(next)).toBe("/");
  });
});

describe("dashboard sign-in redirects", () => {
  let app: FastifyInstance;
  const config = testConfig();

  beforeAll(async () => {
    app = await buildApp(config, { logger: false });
  });
  afterAll(async () => {
    await app.close();
  });

  it("signing in with next=/%09/evil.example lands on / (the form and the redirect)", async () => {
    const login = await app.inject({ method: "GET", url: "/login?next=/%09/evil.example" });
    expect(login.statusCode).toBe(200);
    expect(login.body).toContain('name="next" value="/"');
    const signedIn = await app.inject({
      method: "POST",
      url: "/login",
      cookies: { pier_login: cookieOf(login, "pier_login")! },
      ...form({ _csrf: csrfOf(login.body), token: config.PIER_ADMIN_TOKEN, next: "/\t/evil.example" }),
    });
    expect(signedIn.statusCode).toBe(303);
    expect(signedIn.headers.location).toBe("/");

    // Signed in already: /login redirects by next at once.
    const again = await app.inject({
      method: "GET",
      url: "/login?next=/%09/evil.example",
      cookies: { pier_session: cookieOf(signedIn, "pier_session")! },
    });
    expect(again.statusCode).toBe(302);
    expect(again.headers.location).toBe("/");
  });
});

describe("dashboard sign-out", () => {
  let app: FastifyInstance;
  // Its own queue name, so its own set of sessions: signing out everywhere here touches no other test.
  const config = testConfig();

  const signIn = async () => {
    const signedIn = await postSignIn(app, config.PIER_ADMIN_TOKEN);
    expect(signedIn.statusCode).toBe(303);
    return cookieOf(signedIn, "pier_session")!;
  };
  /** The sign-out page: 200 with its forms while the session counts, else a redirect to sign in. */
  const logoutPage = (session: string) =>
    app.inject({ method: "GET", url: "/logout", cookies: { pier_session: session } });
  const signedIn = async (session: string) => (await logoutPage(session)).statusCode === 200;

  beforeAll(async () => {
    app = await buildApp(config, { logger: false });
  });
  afterAll(async () => {
    await app.close();
  });

  it("GET /logout only shows the buttons; a post without the CSRF token is refused", async () => {
    const session = await signIn();
    const page = await logoutPage(session);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('action="/logout"');
    expect(page.body).toContain('action="/logout/everywhere"');
    expect(page.cookies.find((c) => c.name === "pier_session")).toBeUndefined();
    expect(await signedIn(session)).toBe(true);

    const forged = await app.inject({
      method: "POST",
      url: "/logout",
      cookies: { pier_session: session },
      ...form({}),
    });
    expect(forged.statusCode).toBe(403);
    expect(await signedIn(session)).toBe(true);

    const signedOut = await app.inject({ method: "GET", url: "/logout" });
    expect(signedOut.statusCode).toBe(303);
    expect(signedOut.headers.location).toBe("/login");
  });

  it("signing out ends the session on the server: a copy of the cookie no longer works", async () => {
    const session = await signIn();
    const other = await signIn();
    const out = await app.inject({
      method: "POST",
      url: "/logout",
      cookies: { pier_session: session },
      ...form({ _csrf: csrfOf((await logoutPage(session)).body) }),
    });
    expect(out.statusCode).toBe(303);
    expect(out.headers.location).toBe("/login");
    expect(await signedIn(session)).toBe(false);
    const page = await app.inject({ method: "GET", url: "/notifications", cookies: { pier_session: session } });
    expect(page.statusCode).toBe(302);
    expect(page.headers.location).toMatch(/^\/login/);
    // Another browser's session goes on.
    expect(await signedIn(other)).toBe(true);
  });

  it("signing out everywhere ends every session", async () => {
    const first = await signIn();
    const second = await signIn();
    const out = await app.inject({
      method: "POST",
      url: "/logout/everywhere",
      cookies: { pier_session: first },
      ...form({ _csrf: csrfOf((await logoutPage(first)).body) }),
    });
    expect(out.statusCode).toBe(303);
    expect(out.headers.location).toBe("/login");
    expect(await signedIn(first)).toBe(false);
    expect(await signedIn(second)).toBe(false);
    // Signing in again works.
    expect(await signedIn(await signIn())).toBe(true);
  });
});
