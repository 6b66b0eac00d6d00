import { z } from "zod";
import { examples } from "./common.ts";

/** Exactly one of them; neither is ever answered back. */
export const setCredentialBody = z
  .object({
    token: z
      .string()
      .min(8, "must be at least 8 characters")
      .max(4_096)
      .regex(/^[\x21-\x7e]+$/, "must be printable ASCII without spaces")
      .optional()
      .describe("An access token for HTTPS clones (GitHub, GitLab, Gitea…), sent as the basic-auth password"),
    deployKey: z
      .string()
      .max(16_384)
      .optional()
      .describe("An SSH private key (OpenSSH or PEM, without a passphrase) for ssh:// or git@host:path URLs"),
  })
  .strict()
  .meta(examples({ token: "ghp_0123456789abcdefghijklmnopqrstuvwxyz" }));

export const credentialDto = z.object({
  kind: z.enum(["TOKEN", "DEPLOY_KEY"]),
  /** A token's last 4 characters, or the SSH key's SHA256 fingerprint. */
  hint: z.string(),
  updatedAt: z.string(),
});

export const setGithubAppBody = z
  .object({
    appId: z
      .union([z.string().regex(/^\d{1,20}$/), z.number().int().min(1)], {
        error: "must be the GitHub App's numeric id",
      })
      .transform(String),
    privateKey: z.string().max(16_384).describe("The GitHub App's private key (PEM, as GitHub downloads it)"),
  })
  .strict()
  .meta(examples({ appId: "123456", privateKey: "-----BEGIN RSA PRIVATE KEY-----\n…\n-----END RSA PRIVATE KEY-----" }));

export const githubAppDto = z
  .object({
    configured: z.boolean(),
    appId: z.string().nullable(),
    updatedAt: z.string().nullable(),
  })
  .meta({ examples: [{ configured: true, appId: "123456", updatedAt: "2026-01-05T09:30:00.000Z" }] });
