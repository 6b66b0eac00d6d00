import { z } from "zod";
import { autoscalePolicySchema } from "./autoscale.ts";
import { REDIRECT_STATUSES, resolveDomainList } from "./domains.ts";
import { rolloutPolicySchema } from "./rollout-policy.ts";

const command = z.string().trim().min(1, "must not be empty").max(2_000);
/** Env var names and health-check paths: the same rules in pier.json and in the app's settings. */
export const envKeySchema = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]{0,127}$/, "must be letters, digits and '_', not starting with a digit");
/** Why an app can't set this env var (Pier sets it itself, so the app's value would be ignored), or null. */
export function reservedEnvKey(key: string): string | null {
  if (key === "PORT")
    return `PORT is set by Pier to the port the app listens on: set the port in the app's settings or pier.json "port"`;
  if (key.startsWith("PIER_")) return `${key} is reserved: names starting with PIER_ are Pier's own`;
  return null;
}

/** Refuses reserved keys of an env record, each naming its key (path: [...at, key]). */
export function refuseReservedEnvKeys(vars: Record<string, string>, ctx: z.RefinementCtx, at: PropertyKey[]): void {
  for (const key of Object.keys(vars)) {
    const why = reservedEnvKey(key);
    if (why) ctx.addIssue({ code: "custom", path: [...at, key], message: why });
  }
}
export const healthCheckPathSchema = z
  .string()
  .regex(/^\/[\x21-\x7e]*$/, "must be a path starting with '/'")
  .max(200);

/** A persistent volume: a name (unique per app) and the absolute path it is mounted at. */
export const volumeSpecSchema = z
  .object({
    name: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, "must be 1-40 characters of a-z, 0-9, '_' and '-'"),
    path: z
      .string()
      .regex(/^(\/[A-Za-z0-9._-]+)+$/, "must be an absolute path such as /data (letters, digits, '.', '_', '-')")
      .refine((p) => !p.split("/").includes(".."), "must not contain '..'"),
  })
  .strict();
export const volumesSchema = z
  .array(volumeSpecSchema)
  .max(10)
  .refine((list) => new Set(list.map((v) => v.name)).size === list.length, "volume names must be unique")
  .refine((list) => new Set(list.map((v) => v.path)).size === list.length, "volume paths must be unique");
export type VolumeSpec = z.infer<typeof volumeSpecSchema>;

const domainName = z.string().max(300);
/** pier.json's `domains`: names, or `{ domain, redirectTo, redirectStatus }`; each checked as the API checks it. */
export const domainsSchema = z
  .array(
    z.union(
      [
        domainName,
        z
          .object({
            domain: domainName,
            redirectTo: domainName.describe("Another domain of this list that this one redirects to").optional(),
            redirectStatus: z
              .union(REDIRECT_STATUSES.map((status) => z.literal(status)))
              .describe("301 or 308 (the default)")
              .optional(),
          })
          .strict(),
      ],
      {
        error: 'must be a domain name, or { "domain", "redirectTo"?, "redirectStatus"?: 301 or 308 }',
      },
    ),
  )
  .max(100)
  .superRefine((entries, ctx) => {
    for (const problem of resolveDomainList(entries).problems)
      ctx.addIssue({ code: "custom", path: problem.at, message: problem.message });
  });

/**
 * `pier.json` at the app's root: the deployment's configuration, versioned with the code.
 * Precedence: pier.json > app settings > detection (env: app env vars override pier.json's defaults).
 */
export const pierJsonSchema = z
  .object({
    $schema: z.string().optional(),
    install: command.describe("Replaces the detected install command (Node apps)").optional(),
    build: command.describe("Replaces the detected build command (Node apps)").optional(),
    start: command.describe("The command that starts the app (any app, Dockerfile ones too)").optional(),
    port: z.number().int().min(1).max(65535).describe("Port the app listens on ($PORT is set to it)").optional(),
    healthCheck: z
      .object({
        path: healthCheckPathSchema.optional(),
        timeoutSeconds: z.number().int().min(1).max(600).optional(),
      })
      .strict()
      .optional(),
    env: z
      .record(envKeySchema, z.string().max(32_768))
      .superRefine((vars, ctx) => refuseReservedEnvKeys(vars, ctx, []))
      .describe("Non-secret defaults; the app's env vars override them")
      .optional(),
    resources: z
      .object({
        memory: z.number().int().min(16).max(65_536).describe("Memory limit in MB").optional(),
        cpus: z.number().min(0.05).max(64).describe("CPU limit in cores").optional(),
      })
      .strict()
      .optional(),
    test: command.describe("Runs in the built image before release; a non-zero exit stops the deploy").optional(),
    volumes: volumesSchema.describe("Persistent volumes, kept across deploys and rollbacks").optional(),
    replicas: z
      .number()
      .int()
      .min(1)
      .max(100)
      .describe("Containers serving the app (at most PIER_MAX_REPLICAS); the router spreads requests across them")
      .optional(),
    autoscale: autoscalePolicySchema
      .nullable()
      .describe(
        "Scale production on load (in-flight requests per replica): " +
          "min, max, targetConcurrency, scaleDownDelaySeconds, idleTimeoutSeconds; null turns it off. " +
          "Applied when the deployment goes live",
      )
      .optional(),
    domains: domainsSchema
      .describe(
        "The app's own host names (e.g. www.example.com), served over HTTPS with automatic certificates; an entry " +
          "with redirectTo redirects to another listed one. Applied when the deployment goes live: domains added " +
          "by pier.json follow it, those added through the API or dashboard are kept",
      )
      .optional(),
    framework: z
      .enum(["nextjs", "static", "node"])
      .describe("Build preset: Next.js, a static build served by Pier, or a Node server (default: detected)")
      .optional(),
    outputDir: z
      .string()
      .regex(/^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/, "must be a relative folder such as dist or build/web")
      .refine((p) => !p.split("/").includes(".."), "must not contain '..'")
      .describe("Static builds: the folder the build writes (default: detected, dist, build or out)")
      .optional(),
    spa: z.boolean().describe("Static sites: serve index.html for unknown page paths (default: detected)").optional(),
    rollout: rolloutPolicySchema
      .describe(
        "Every deploy of this code goes live as a gradual rollout: the candidate gets steps[i] % of new clients " +
          "for intervalSeconds each, checked by the gate on its own error rate and p95, until 100 %",
      )
      .optional(),
  })
  .strict();

export type PierJson = z.infer<typeof pierJsonSchema>;

/** The published JSON Schema of pier.json (served at /schemas/pier.json). */
export function pierJsonJsonSchema(): Record<string, unknown> {
  return { ...z.toJSONSchema(pierJsonSchema), title: "pier.json", $id: "pier.json" };
}

export type PierJsonResult = { ok: true; config: PierJson } | { ok: false; errors: string[] };

/** Parses and validates pier.json text; every error names its field. */
export function parsePierJson(text: string): PierJsonResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { ok: false, errors: [`not valid JSON: ${(error as Error).message}`] };
  }
  const result = pierJsonSchema.safeParse(raw);
  if (result.success) return { ok: true, config: result.data };
  return {
    ok: false,
    errors: result.error.issues.flatMap((issue) => {
      const prefix = issue.path.length ? `${issue.path.join(".")}.` : "";
      if (issue.code === "unrecognized_keys")
        return issue.keys.map((key) => `field "${prefix}${key}": not a pier.json setting`);
      return [`field "${issue.path.join(".") || "(root)"}": ${issue.message}`];
    }),
  };
}
