import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { AppError, ERROR_STATUS } from "../../errors.ts";
import { appParams } from "../../schemas/app.ts";
import { domainName } from "../../schemas/domain.ts";
import { findAppByName } from "../../services/apps.ts";
import { addDomain, removeDomain, renewCertificate, type DomainDeps } from "../../services/domains.ts";
import { csrfBody, formText, formValues, withoutField } from "../forms.ts";
import type { DashboardRoutesOptions } from "../kit.ts";
import { renderAppPage } from "../render-app-page.ts";

const domainForm = csrfBody.extend({ domain: formText, redirectTo: formText, redirectStatus: formText });
const domainAction = csrfBody.extend({ domain: domainName });

/** The app page's Domains card: add, remove, renew, through the same services as the JSON API. */
const domainsRoutes: FastifyPluginAsyncZod<DashboardRoutesOptions> = async (app, { kit }) => {
  const { deps } = kit;
  const back = (name: string) => `/apps/${name}#domains`;

  app.post(
    "/apps/:name/domains",
    { schema: { hide: true, params: appParams, body: domainForm, response: { 400: z.string(), 409: z.string() } } },
    async (request, reply) => {
      const { name } = request.params;
      const values = formValues(request.body);
      const again = (field: string, message: string, status = 400) =>
        renderAppPage(kit, request, reply, name, "1h", { domain: { values, errors: { [field]: message } } }, status);
      if (!values.domain) return again("domain", "Enter a domain, such as www.example.com.");
      const target = await findAppByName(deps.prisma, name);
      const domainDeps: DomainDeps = { ...deps, log: request.log };
      try {
        const added = await addDomain(domainDeps, target, {
          domain: values.domain,
          redirectTo: values.redirectTo || undefined,
          redirectStatus: values.redirectStatus === "301" ? 301 : 308,
        });
        const certificate =
          added.certificate.status === "pending"
            ? " Its certificate is issued once its DNS points at Pier; this page shows how it goes."
            : "";
        const text = `Added ${added.name}: served at once.${certificate}`;
        return kit.flashAndGo(request, reply, { kind: "ok", text }, back(name));
      } catch (error) {
        // A bad or taken name shows next to its field, with what was typed.
        if (error instanceof AppError && (error.field === "domain" || error.field === "redirectTo"))
          return again(error.field, withoutField(error.message, error.field), ERROR_STATUS[error.code]);
        throw error;
      }
    },
  );

  app.post(
    "/apps/:name/domains/remove",
    { schema: { hide: true, params: appParams, body: domainAction } },
    async (request, reply) =>
      kit.confirmFirst(request, reply, {
        title: `Remove ${request.body.domain}?`,
        text: `${request.params.name} stops being served at ${request.body.domain} at once.`,
        button: "Remove domain",
        back: back(request.params.name),
      }) ??
      kit.action(request, reply, back(request.params.name), async () => {
        const target = await findAppByName(deps.prisma, request.params.name);
        const removed = await removeDomain({ ...deps, log: request.log }, target, request.body.domain);
        return { flash: { kind: "ok", text: `Removed ${removed}: it is no longer served.` } };
      }),
  );

  app.post(
    "/apps/:name/domains/renew",
    { schema: { hide: true, params: appParams, body: domainAction } },
    async (request, reply) =>
      kit.action(request, reply, back(request.params.name), async () => {
        const target = await findAppByName(deps.prisma, request.params.name);
        const renewed = await renewCertificate({ ...deps, log: request.log }, target, request.body.domain);
        const replaced = "the current one serves until it is replaced";
        const text = `Asked for a new certificate for ${renewed.name} now; ${replaced}.`;
        return { flash: { kind: "ok", text } };
      }),
  );
};

export default domainsRoutes;
