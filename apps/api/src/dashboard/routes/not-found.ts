import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { routeNotFound } from "../../plugins/app/error-handler.ts";
import type { DashboardRoutesOptions } from "../kit.ts";
import { errorPage } from "../pages/error.ts";

/** Addresses that belong to the JSON API or to machines: their unknown paths answer the API's JSON 404. */
const MACHINE_PATHS = /^\/(api|webhooks|healthz|docs|schemas)(\/|$|\?)/;

/**
 * Whether an address nothing answers gets the dashboard's 404 page: a browser's GET (or HEAD) of anything but the
 * API's and the machines' paths, that is a mistyped dashboard URL. Any other request gets the API's JSON: its 404,
 * or its error when the body is refused before that.
 */
export const wantsPage = (request: FastifyRequest) =>
  (request.method === "GET" || request.method === "HEAD") && !MACHINE_PATHS.test(request.url);

/**
 * The one answer to an address nothing answers, for the whole server. It is set here, in the dashboard's scope,
 * so that its page has the dashboard's session, nonce and security headers; Fastify allows one not-found handler
 * per prefix, and the API shares the dashboard's ("/").
 */
const notFoundRoutes: FastifyPluginAsyncZod<DashboardRoutesOptions> = async (app, { kit }) => {
  app.setNotFoundHandler(async (request, reply) => {
    if (!wantsPage(request)) return reply.status(404).send(routeNotFound(request));
    const text = "There is nothing at this address. Check the link, or start again from your apps.";
    return kit.page(reply, errorPage(kit.context(request, reply), 404, "Page not found", text), 404);
  });
};

export default notFoundRoutes;
