/** Where an env var applies (Vercel's model): production deployments, preview deployments, or both. */
export const ENV_TARGETS = ["production", "preview"] as const;
export type EnvTarget = (typeof ENV_TARGETS)[number];

/** A deployment is a preview when it serves a branch label; otherwise it is (or may become) production. */
export const envTargetOf = (deployment: { previewSlug: string | null }): EnvTarget =>
  deployment.previewSlug ? "preview" : "production";
