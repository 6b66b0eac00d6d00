import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { appParams } from "../../../schemas/app.ts";
import { errorResponses } from "../../../schemas/common.ts";
import { addDomainBody, domainDto, domainName } from "../../../schemas/domain.ts";
import { findAppByName } from "../../../services/apps.ts";
import { addDomain, listDomains, removeDomain, renewCertificate } from "../../../services/domains.ts";

const domainParams = appParams.extend({ domain: domainName });

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
        params: appParams,
        response: { 200: z.object({ domains: z.array(domainDto) }), ...errorResponses },
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
        params: appParams,
        body: addDomainBody,
        response: { 201: domainDto, ...errorResponses },
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
        params: domainParams,
        response: { 200: z.object({ deleted: z.string() }), ...errorResponses },
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
        params: domainParams,
        response: { 202: domainDto, ...errorResponses },
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
