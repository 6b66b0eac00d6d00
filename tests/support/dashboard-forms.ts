import type { FastifyInstance, LightMyRequestResponse } from "fastify";

/** What the dashboard's HTML forms need from an `app.inject` test: cookies, the CSRF field, a form body, a session. */
export const cookieOf = (res: { cookies: Array<{ name: string; value: string }> }, name: string) =>
  res.cookies.find((c) => c.name === name)?.value;
export const csrfOf = (page: string) => /name="_csrf" value="([^"]*)"/.exec(page)?.[1] ?? "";
export const form = (fields: Record<string, string>) => ({
  headers: { "content-type": "application/x-www-form-urlencoded" },
  payload: new URLSearchParams(fields).toString(),
});

/** Signs in to the dashboard with `token` through its form; the answer to the sign-in POST. */
export async function postSignIn(app: FastifyInstance, token: string, next = "/") {
  const login = await app.inject({ method: "GET", url: "/login" });
  return app.inject({
    method: "POST",
    url: "/login",
    cookies: { pier_login: cookieOf(login, "pier_login")! },
    ...form({ _csrf: csrfOf(login.body), token, next }),
  });
}

/**
 * A signed-in admin's dashboard in an `app.inject` test: GET a page, POST a form (with the CSRF field read from
 * `formPage`), and the page a POST redirected to, with its flash message. `app` and `session` are read at each
 * call (a test sets them in its beforeAll).
 */
export function dashboardClient(app: () => FastifyInstance, session: () => string, formPage: string) {
  const getPage = (url: string, cookies: Record<string, string> = {}) =>
    app().inject({ method: "GET", url, cookies: { pier_session: session(), ...cookies } });
  const post = async (url: string, fields: Record<string, string>) => {
    const csrf = csrfOf((await getPage(formPage)).body);
    return app().inject({
      method: "POST",
      url,
      cookies: { pier_session: session() },
      ...form({ _csrf: csrf, ...fields }),
    });
  };
  const after = async (res: LightMyRequestResponse) =>
    (await getPage(res.headers.location as string, { pier_flash: cookieOf(res, "pier_flash")! })).body;
  return { getPage, post, after };
}
