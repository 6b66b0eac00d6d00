import type { FastifyInstance } from "fastify";

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
