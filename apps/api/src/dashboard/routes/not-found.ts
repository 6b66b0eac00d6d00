import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { html200 } from "../forms.ts";
import type { DashboardRoutesOptions } from "../kit.ts";
import { errorPage } from "../pages/error.ts";

/** Addresses that belong to the JSON API or to machines: their unknown paths keep the API's JSON 404. */
const NOT_PAGES = /^\/(api|webhooks|healthz|docs|schemas)(\/|$|\?)/;

/**
 * Any other address nothing answers is a mistyped dashboard URL: a page saying so, with a link back, rather
 * than the API's JSON. A catch-all route (the most specific route wins, so it takes only what no other takes):
 * Fastify allows one not-found handler per prefix, and the API's owns "/".
 */
const notFoundRoutes: FastifyPluginAsyncZod<DashboardRoutesOptions> = async (app, { kit }) => {
  app.get("/*", { schema: { hide: true, response: { 404: html200[200] } } }, async (request, reply) => {
    if (NOT_PAGES.test(request.url)) return reply.callNotFound();
    const text = "There is nothing at this address. Check the link, or start again from your apps.";
    return kit.page(reply, errorPage(kit.context(request, reply), 404, "Page not found", text), 404);
  });
};

export default notFoundRoutes;
