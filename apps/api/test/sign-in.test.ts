import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { buildApp } from "../src/build-app.ts";
import { safeNext } from "../src/dashboard/routes/session.ts";
import { testConfig } from "../../../tests/support/platform.ts";

const cookieOf = (res: { cookies: Array<{ name: string; value: string }> }, name: string) => res.cookies.find((c) => c.name === name)?.value;
const csrfOf = (page: string) => /name="_csrf" value="([^"]*)"/.exec(page)?.[1] ?? "";
const form = (fields: Record<string, string>) => ({ headers: { "content-type": "application/x-www-form-urlencoded" }, payload: new URLSearchParams(fields).toString() });

describe("sign-in's next: same-origin paths only", () => {
  it("keeps paths on this site", () => {
    for (const path of ["/", "/apps/web", "/apps/web/settings?tab=env", "/apps/web%2Fx", "/notifications#top"]) expect(safeNext(path)).toBe(path);
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
    const again = await app.inject({ method: "GET", url: "/login?next=/%09/evil.example", cookies: { pier_session: cookieOf(signedIn, "pier_session")! } });
    expect(again.statusCode).toBe(302);
    expect(again.headers.location).toBe("/");
  });
});
