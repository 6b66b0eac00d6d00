import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { appParams } from "../../../schemas/app.ts";
import { APP_NOT_FOUND, apiErrors, withExample } from "../../../schemas/common.ts";
import { domainExample, pendingDomainExample } from "../../../schemas/examples.ts";
import { addDomainBody, domainDto, domainName } from "../../../schemas/domain.ts";
import { findAppByName } from "../../../services/apps.ts";
import { addDomain, listDomains, removeDomain, renewCertificate } from "../../../services/domains.ts";

const domainParams = appParams.extend({ domain: domainName });
const DOMAIN_NOT_FOUND = "No app has this name, or the domain is not one of its domains";

/**
 * An app's own domains, and their certificates. A domain is served (or removed) at once, with no reload; its
 * certificate is issued in the background and its state shows here (pending, issued, failed with the CA's error).
 */
const domainsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { prisma } = app.pier;

  app.get(
    "/api/apps/:name/domains",
    {
      schema: {
        summary: "An app's domains, each with its certificate's state",
        description: "Its own domains (besides its Pier host), from the API and from pier.json alike.",
        operationId: "listDomains",
        tags: ["domains"],
        params: appParams,
        response: {
          200: withExample(z.object({ domains: z.array(domainDto) }).describe("The app's domains"), {
            domains: [domainExample],
          }),
          ...apiErrors({ 404: APP_NOT_FOUND }),
        },
      },
    },
    async (request) => {
      const target = await findAppByName(prisma, request.params.name);
      return { domains: await listDomains({ ...app.pier, log: request.log }, target.id) };
    },
  );

  app.post(
    "/api/apps/:name/domains",
    {
      schema: {
        summary:
          "Add a domain (served at once; its certificate is issued in the background), or one that redirects to " +
          "another of the app's domains",
        description:
          "Point the domain's DNS at this server first: the certificate's issuance needs it. A wildcard " +
          "(*.example.com) is served with an operator certificate only.",
        operationId: "addDomain",
        tags: ["domains"],
        params: appParams,
        body: addDomainBody,
        response: {
          201: withExample(domainDto.describe("The domain as added, its certificate pending"), pendingDomainExample),
          ...apiErrors({
            404: APP_NOT_FOUND,
            409: "Another app (or this one) has it, or it is one of Pier's own hosts",
          }),
        },
      },
    },
    async (request, reply) => {
      const target = await findAppByName(prisma, request.params.name);
      const added = await addDomain({ ...app.pier, log: request.log }, target, request.body);
      return reply.status(201).send(added);
    },
  );

  app.delete(
    "/api/apps/:name/domains/:domain",
    {
      schema: {
        summary: "Remove a domain: it stops being served at once",
        description: "Domains from pier.json come back with the next deploy unless removed from it.",
        operationId: "removeDomain",
        tags: ["domains"],
        params: domainParams,
        response: {
          200: withExample(z.object({ deleted: z.string() }).describe("The domain removed"), {
            deleted: "www.example.com",
          }),
          ...apiErrors({ 404: DOMAIN_NOT_FOUND, 409: "Another domain redirects to it: remove that one first" }),
        },
      },
    },
    async (request) => {
      const target = await findAppByName(prisma, request.params.name);
      return { deleted: await removeDomain({ ...app.pier, log: request.log }, target, request.params.domain) };
    },
  );

  app.post(
    "/api/apps/:name/domains/:domain/renew",
    {
      schema: {
        summary: "Issue the domain's certificate again now, whatever its state (the current one serves until replaced)",
        description: "For a certificate that failed (after fixing DNS) or one to replace early.",
        operationId: "renewCertificate",
        tags: ["domains"],
        params: domainParams,
        response: {
          202: withExample(domainDto.describe("The domain, its certificate pending"), pendingDomainExample),
          ...apiErrors({ 404: DOMAIN_NOT_FOUND, 409: "An operator certificate serves it, or no CA can issue one" }),
        },
      },
    },
    async (request, reply) => {
      const target = await findAppByName(prisma, request.params.name);
      const renewed = await renewCertificate({ ...app.pier, log: request.log }, target, request.params.domain);
      return reply.status(202).send(renewed);
    },
  );
};

export default domainsRoutes;
