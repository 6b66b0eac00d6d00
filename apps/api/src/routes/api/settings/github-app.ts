import type { GithubAppSettings } from "@pier/db";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { z } from "zod";
import { AppError } from "../../../errors.ts";
import { apiErrors } from "../../../schemas/common.ts";
import { githubAppDto, setGithubAppBody } from "../../../schemas/credential.ts";
import { getGithubApp, removeGithubApp, setGithubApp } from "../../../services/credentials.ts";

const toDto = (s: GithubAppSettings | null): z.infer<typeof githubAppDto> => ({
  configured: s !== null,
  appId: s?.appId ?? null,
  updatedAt: s?.updatedAt.toISOString() ?? null,
});

/**
 * The GitHub App Pier clones private GitHub repositories and reports to GitHub with: its id and private key (sealed,
 * never answered). Installation tokens are minted per use from them. Admin scope.
 */
const githubAppRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/api/settings/github-app",
    {
      schema: {
        summary: "Whether a GitHub App is configured, and its id (never its key)",
        description: "Admin scope.",
        operationId: "getGithubApp",
        tags: ["settings"],
        response: { 200: githubAppDto.describe("The GitHub App's settings"), ...apiErrors() },
      },
    },
    async () => toDto(await getGithubApp(app.pier)),
  );

  app.put(
    "/api/settings/github-app",
    {
      schema: {
        summary: "Configure the GitHub App: its id and private key (PEM)",
        description:
          "Pier then clones private GitHub repositories and reports deploy statuses with installation tokens it " +
          "mints from them. The key is checked, sealed at rest and never answered. Admin scope.",
        operationId: "setGithubApp",
        tags: ["settings"],
        body: setGithubAppBody,
        response: { 200: githubAppDto.describe("The GitHub App's settings"), ...apiErrors() },
      },
    },
    async (request) => toDto(await setGithubApp(app.pier, request.body)),
  );

  app.delete(
    "/api/settings/github-app",
    {
      schema: {
        summary: "Forget the GitHub App (apps fall back to their own credentials)",
        description: "Admin scope.",
        operationId: "removeGithubApp",
        tags: ["settings"],
        response: {
          200: githubAppDto
            .describe("configured: false")
            .meta({ examples: [{ configured: false, appId: null, updatedAt: null }] }),
          ...apiErrors({ 404: "No GitHub App is configured" }),
        },
      },
    },
    async () => {
      if (!(await removeGithubApp(app.pier))) throw new AppError("not_found", "no GitHub App is configured");
      return toDto(null);
    },
  );
};

export default githubAppRoutes;
