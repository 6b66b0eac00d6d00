import { BlockList, isIPv4, isIPv6 } from "node:net";
import { availableParallelism } from "node:os";
import { z } from "zod";

/** Boolean flags from the environment: only "1"/"true" and "0"/"false" are accepted, anything else is a typo. */
const flag = z
  .enum(["1", "0", "true", "false"], { message: 'must be "1", "0", "true" or "false"' })
  .transform((v) => v === "1" || v === "true");

const hostPort = z.coerce.number().int().min(0).max(65535);

/** Names PIER_ACME_DIRECTORY_URL accepts for Let's Encrypt's directories. */
export const ACME_DIRECTORIES: Record<string, string> = {
  letsencrypt: "https://acme-v02.api.letsencrypt.org/directory",
  "letsencrypt-staging": "https://acme-staging-v02.api.letsencrypt.org/directory",
};

/** The admin token of a developer machine: anyone who read the README knows it. */
export const DEV_ADMIN_TOKEN = "pier-dev-admin-token";

/**
 * Every setting Pier reads from the environment, validated once at startup.
 * The defaults work on a developer machine with the services from `npm start`.
 */
export const configSchema = z.object({
  DATABASE_URL: z.string().url().default("postgresql://pier:pier@127.0.0.1:5432/pier"),
  REDIS_URL: z.string().url().default("redis://127.0.0.1:6379"),
  PIER_ADMIN_TOKEN: z.string().min(16, "must be at least 16 characters").default(DEV_ADMIN_TOKEN),
  PIER_API_HOST: z.string().default("127.0.0.1"),
  PIER_API_PORT: hostPort.default(3000),
  /** What GitHub should call: used to build each app's webhook URL. */
  PIER_PUBLIC_URL: z.string().url().optional(),
  PIER_ROUTER_HOST: z.string().default("127.0.0.1"),
  PIER_ROUTER_PORT: hostPort.default(8080),
  /**
   * Where the router terminates TLS (HTTPS with SNI): 443 in production; "off": plain HTTP only; 0: a free port
   * (tests).
   */
  PIER_ROUTER_TLS_PORT: z.union([z.literal("off"), hostPort]).default(8443),
  /**
   * The ACME CA certificates are issued by: "letsencrypt" (production), "letsencrypt-staging", or a directory URL
   * (any ACME CA, e.g. a local pebble in tests).
   */
  PIER_ACME_DIRECTORY_URL: z
    .string()
    .default("letsencrypt")
    .transform((v) => ACME_DIRECTORIES[v] ?? v)
    .pipe(z.string().url('must be "letsencrypt", "letsencrypt-staging" or an ACME directory URL')),
  /** Contact address given to the CA (expiry notices from Let's Encrypt); optional. */
  PIER_ACME_EMAIL: z.string().email().optional(),
  /** A CA bundle to trust for the ACME directory's own TLS (a private CA, pebble in tests); unset: the system's. */
  PIER_ACME_CA_FILE: z.string().optional(),
  /**
   * Operator certificates: PEM files (`<name>.pem` with chain and key, or `<name>.crt` + `<name>.key`), e.g. one for
   * `*.PIER_DOMAIN`; each is served for every name it covers, and names it covers need no ACME certificate.
   */
  PIER_TLS_CERT_DIR: z.string().optional(),
  /** A host name the router serves the API and dashboard on (with a certificate like an app's domain). */
  PIER_API_DOMAIN: z
    .string()
    .regex(/^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$/, "must be a DNS name such as pier.example.com")
    .optional(),
  /** How often the controller looks for certificates to issue or renew (a domain added is issued at once). */
  PIER_CERTIFICATE_SWEEP_MS: z.coerce.number().int().min(1_000).default(60_000),
  /** The router's data plane: HAProxy (2.4 or newer), driven through its runtime API. */
  PIER_HAPROXY_BIN: z.string().min(1).default("haproxy"),
  /** HAProxy threads. Default: half the cores (at least one), leaving the rest to the apps on the same machine. */
  PIER_ROUTER_THREADS: z.coerce
    .number()
    .int()
    .min(1)
    .max(64)
    .default(Math.max(1, Math.floor(availableParallelism() / 2))),
  /**
   * Latency samples a router takes per second at most, on each of its ports (every request under that rate; counts
   * are always exact).
   * 0: no latency metrics.
   */
  PIER_ROUTER_LATENCY_SAMPLES_PER_SECOND: z.coerce.number().int().min(0).default(200),
  /** How long the activator holds a request for an app scaled to zero while it starts (then 504). */
  PIER_ACTIVATOR_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(30_000),
  /** Requests the activator holds per app at most while it starts (more get 503 with Retry-After). */
  PIER_ACTIVATOR_MAX_HELD: z.coerce.number().int().min(1).max(100_000).default(1_000),
  /** Memory the autoscaler leaves to Pier itself and the databases when it adds replicas (MB). */
  PIER_RESERVED_MEMORY_MB: z.coerce.number().int().min(0).default(1_024),
  /** Deployments the router can serve at once (one HAProxy backend each, declared at start). */
  PIER_ROUTER_SLOTS: z.coerce.number().int().min(8).max(10_000).default(256),
  PIER_DOMAIN: z
    .string()
    .regex(/^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$/, "must be a DNS name such as example.com")
    .default("localhost"),
  /** Scheme and port the router is reached on, for the URLs Pier shows. */
  PIER_PUBLIC_ROUTER_URL: z.string().url().optional(),
  PIER_API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  /** Per app for signed deliveries, per sender address for refused ones (unsigned or wrongly signed). */
  PIER_WEBHOOK_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(120),
  /**
   * Largest webhook delivery read (MB; GitHub's own cap is 25): a larger Content-Length is a 413 before any of it
   * is read.
   */
  PIER_WEBHOOK_BODY_LIMIT_MB: z.coerce.number().int().min(1).max(25).default(5),
  /** Webhook deliveries kept per app (GET /api/apps/:name/deliveries); as many rejected ones again. */
  PIER_WEBHOOK_DELIVERIES_KEPT: z.coerce.number().int().min(1).max(10_000).default(100),
  /**
   * Which apps' branch heads the worker reads (git ls-remote) to deploy a push whose webhook never came:
   * `credentials` (default: apps Pier has git credentials for), `all` (public repositories too) or `off`.
   */
  PIER_HEAD_CHECK: z.enum(["off", "credentials", "all"]).default("credentials"),
  /** How often the head check runs (ms; 5 minutes). */
  PIER_HEAD_CHECK_INTERVAL_MS: z.coerce.number().int().min(1_000).default(300_000),
  PIER_QUEUE_NAME: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/)
    .default("pier-deploys"),
  PIER_BUILD_CONCURRENCY: z.coerce.number().int().min(1).max(32).default(2),
  PIER_ALLOW_FILE_REPOS: flag.default(false),
  /** Hosts https repo URLs may point at. */
  PIER_GIT_HOSTS: z
    .string()
    .default("github.com")
    .transform((s) =>
      s
        .split(",")
        .map((h) => h.trim().toLowerCase())
        .filter(Boolean),
    ),
  /** GitHub's REST API: where GitHub App installation tokens are minted (a stand-in in tests). */
  PIER_GITHUB_API_URL: z.string().url().default("https://api.github.com"),
  /** GitHub's git host, whose repositories a configured GitHub App's installation tokens clone. */
  PIER_GITHUB_GIT_URL: z.string().url().default("https://github.com"),
  /** A CA bundle git trusts for https clones (a private git server's CA); unset: the system's. */
  PIER_GIT_CA_FILE: z.string().optional(),
  /**
   * known_hosts for deploy-key (SSH) clones of hosts other than github.com, whose published keys are pinned: a host
   * not in it is refused (`ssh-keyscan -p <port> <host> >> file` after checking the key out of band).
   */
  PIER_GIT_SSH_KNOWN_HOSTS: z.string().optional(),
  /**
   * What generated Dockerfiles build FROM when the repo asks for no Node version: the newest LTS. Where an
   * image can't be pulled, its local equivalent pier-local/<image> (scripts/setup/base-images.sh) is used.
   */
  PIER_NODE_IMAGE: z.string().min(1).default("node:24-bookworm-slim"),
  /** Images for the Node majors a repo may ask for (engines.node, .nvmrc, .node-version): "major=image,…". */
  PIER_NODE_IMAGES: z
    .string()
    .regex(/^\s*(\d+=[^,=\s]+\s*(,\s*\d+=[^,=\s]+\s*)*)?$/, 'must look like "22=node:22-bookworm-slim,24=my/node:24"')
    .default("20=node:20-bookworm-slim,22=node:22-bookworm-slim,24=node:24-bookworm-slim,26=node:26-bookworm-slim"),
  /** The registry every package manager installs from in builds ("" keeps each one's own default). */
  PIER_NPM_REGISTRY: z.union([z.literal(""), z.string().url()]).default("https://registry.npmjs.org/"),
  /** CA bundle copied into builds so package installs work behind TLS-intercepting proxies; "" disables. */
  PIER_BUILD_CA_FILE: z.string().default("/etc/ssl/certs/ca-certificates.crt"),
  PIER_WORK_DIR: z.string().default("/tmp/pier-builds"),
  /** The Docker engine's API socket: every process that builds or runs containers talks to this engine. */
  PIER_DOCKER_SOCKET: z.string().min(1).default("/var/run/docker.sock"),
  /**
   * What runs the apps: "docker", the engine at PIER_DOCKER_SOCKET (one machine); "swarm", a Docker Swarm whose
   * manager answers at PIER_DOCKER_SOCKET, each replica a Swarm service placed on any node. Swarm needs
   * PIER_REGISTRY: nodes pull images from it.
   */
  PIER_RUNTIME: z.enum(["docker", "swarm"]).default("docker"),
  /**
   * The engine that builds images (a build server, so builds never starve the serving nodes); default
   * PIER_DOCKER_SOCKET. With swarm, each built image is pushed to PIER_REGISTRY from it.
   */
  PIER_BUILD_DOCKER_SOCKET: z.string().min(1).optional(),
  /**
   * Where built images are pushed and every node pulls them from: "host[:port][/path]", e.g. registry.example.com
   * or 10.0.0.5:5000/pier. The engines must trust it (TLS, or insecure-registries for a local plain-HTTP one).
   */
  PIER_REGISTRY: z
    .string()
    .regex(/^[a-z0-9.-]+(:\d+)?(\/[a-z0-9._-]+)*$/, 'must look like "registry.example.com" or "10.0.0.5:5000/pier"')
    .optional(),
  PIER_REGISTRY_USERNAME: z.string().optional(),
  PIER_REGISTRY_PASSWORD: z.string().optional(),
  /** The registry speaks plain HTTP (a local cluster's): how Pier calls its API to prune tags. */
  PIER_REGISTRY_INSECURE: flag.default(false),
  PIER_CONTAINER_MEMORY_MB: z.coerce.number().int().min(16).default(512),
  PIER_CONTAINER_CPUS: z.coerce.number().min(0.05).max(64).default(1),
  PIER_CONTAINER_PIDS: z.coerce.number().int().min(16).default(256),
  PIER_HEALTHCHECK_TIMEOUT_MS: z.coerce.number().int().min(500).default(60_000),
  /** How long an old production container keeps serving in-flight requests after a switch. */
  PIER_DRAIN_MS: z.coerce.number().int().min(0).default(2_000),
  /** Previous production deployments kept running per app, so a rollback needs no container start. */
  PIER_WARM_DEPLOYMENTS: z.coerce.number().int().min(0).max(10).default(1),
  /**
   * Images of an app's newest this-many deployments (those that built one) are kept; so are always production's,
   * the rollback target's, the warm ones' and those of anything being deployed (@pier/retention's keep set).
   */
  PIER_RETAIN_DEPLOYMENTS: z.coerce.number().int().min(1).default(10),
  /**
   * A build job's lock: a worker that dies gives its job to another this long after (then once more; a second
   * death fails it).
   */
  PIER_JOB_LOCK_MS: z.coerce.number().int().min(1_000).default(30_000),
  /** Key(s) that seal env values and webhook secrets at rest (see secrets.ts); else the key file. */
  PIER_SECRETS_KEY: z.string().optional(),
  /** Where the secrets key lives when PIER_SECRETS_KEY is unset (default ~/.pier/secrets.key, created on first use). */
  PIER_SECRETS_KEY_FILE: z.string().optional(),
  /**
   * Where each app's feature flags file lives on the host (`<dir>/<app id>/flags.json`, bind-mounted read-only at
   * /run/pier in its containers; default ~/.pier/flags). The Docker engine mounts it by this path, so Pier's
   * processes and the engine must see the same directory at the same path.
   */
  PIER_FLAGS_DIR: z
    .string()
    .refine((dir) => dir.startsWith("/"), "must be an absolute path (the Docker engine mounts it by its path)")
    .optional(),
  /**
   * Build logs of deployments that ended longer ago (other than production and the newest
   * PIER_RETAIN_DEPLOYMENTS) are deleted.
   */
  PIER_RETAIN_LOG_DAYS: z.coerce.number().int().min(1).default(30),
  /** FAILED and CANCELLED deployments older than this are deleted, with their logs and images. */
  PIER_RETAIN_FAILED_DAYS: z.coerce.number().int().min(1).default(14),
  /** Notification deliveries older than this are deleted. */
  PIER_RETAIN_DELIVERY_DAYS: z.coerce.number().int().min(1).default(30),
  /** Audit events older than this are deleted. */
  PIER_RETAIN_AUDIT_DAYS: z.coerce.number().int().min(1).default(365),
  /** How often the retention job runs (a BullMQ job scheduler: once per period across all controllers). */
  PIER_RETENTION_INTERVAL_MS: z.coerce.number().int().min(1_000).default(3_600_000),
  /** How long a production switch waits for the router to confirm it serves the new table. */
  PIER_ROUTER_ACK_TIMEOUT_MS: z.coerce.number().int().min(0).default(2_000),
  /** Limits of every build: past one, the build ends FAILED naming it; the host stays up. */
  PIER_BUILD_TIMEOUT_S: z.coerce.number().int().min(1).default(900),
  PIER_BUILD_MEMORY_MB: z.coerce.number().int().min(64).default(2048),
  PIER_BUILD_CPUS: z.coerce.number().min(0.1).max(64).default(availableParallelism()),
  /** Processes of all builds together (a cgroup every build step runs under); 0 leaves them unlimited. */
  PIER_BUILD_PIDS: z.coerce.number().int().min(0).default(4096),
  /**
   * What one app's build caches (framework caches, the package manager's store) may hold; least recently used go
   * first.
   */
  PIER_BUILD_CACHE_MB: z.coerce.number().int().min(0).default(1024),
  /** Operator maxima: a pier.json asking for more fails its deploy naming the field. */
  PIER_MAX_MEMORY_MB: z.coerce.number().int().min(16).default(4096),
  PIER_MAX_CPUS: z.coerce.number().min(0.05).max(64).default(availableParallelism()),
  PIER_MAX_REPLICAS: z.coerce.number().int().min(1).max(100).default(10),
  PIER_MAX_HEALTHCHECK_TIMEOUT_S: z.coerce.number().int().min(1).default(300),
  /**
   * How often the controller checks every app against its record (one container list, one query), a safety net:
   * Docker's events, back-off timers and retries drive it, at once.
   */
  PIER_CONTROLLER_SWEEP_MS: z.coerce.number().int().min(100).default(30_000),
  /** Only apps whose names start with this (default: every app): several controllers on one database, as in tests. */
  PIER_CONTROLLER_APP_PREFIX: z.string().default(""),
  /** How often it looks for deployments no job will finish. */
  PIER_CONTROLLER_STUCK_SWEEP_MS: z.coerce.number().int().min(1_000).default(30_000),
  /** How often the controller looks at the swarm's nodes (PIER_RUNTIME=swarm) to announce one lost or back. */
  PIER_NODE_WATCH_MS: z.coerce.number().int().min(500).default(5_000),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export type PierConfig = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** Parses the environment once; throws ConfigError naming every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): PierConfig {
  // Empty strings mean "unset" so `FOO= npm start` falls back to the default.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const result = configSchema.safeParse(cleaned);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`));
  }
  const problems = crossFieldProblems(result.data);
  if (problems.length) throw new ConfigError(problems);
  return result.data;
}

/** Settings that are each valid but not together. */
function crossFieldProblems(config: PierConfig): string[] {
  const problems: string[] = [];
  if (config.PIER_RUNTIME === "swarm" && !config.PIER_REGISTRY)
    problems.push("PIER_REGISTRY: is required with PIER_RUNTIME=swarm (every node pulls the built images from it)");
  if (Boolean(config.PIER_REGISTRY_USERNAME) !== Boolean(config.PIER_REGISTRY_PASSWORD))
    problems.push("PIER_REGISTRY_PASSWORD: PIER_REGISTRY_USERNAME and PIER_REGISTRY_PASSWORD go together");
  return problems;
}

const loopbackV6 = new BlockList();
loopbackV6.addAddress("::1", "ipv6");
loopbackV6.addSubnet("::ffff:127.0.0.0", 104, "ipv6");

/** Only this machine can reach it: localhost, 127.0.0.0/8 or ::1 (brackets allowed). */
export function isLoopbackHost(host: string): boolean {
  const h = host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, "$1");
  if (h === "localhost") return true;
  if (isIPv4(h)) return h.startsWith("127.");
  return isIPv6(h) && loopbackV6.check(h, "ipv6");
}

/**
 * Why the API must not listen with this configuration (the default admin token reachable from other machines), or
 * null.
 */
export function apiExposureProblem(config: Pick<PierConfig, "PIER_API_HOST" | "PIER_ADMIN_TOKEN">): string | null {
  if (config.PIER_ADMIN_TOKEN !== DEV_ADMIN_TOKEN || isLoopbackHost(config.PIER_API_HOST)) return null;
  return (
    `PIER_ADMIN_TOKEN: is the default development token "${DEV_ADMIN_TOKEN}" ` +
    `while PIER_API_HOST=${config.PIER_API_HOST} is reachable from other machines; ` +
    "set PIER_ADMIN_TOKEN to a secret of your own (at least 16 characters), or listen on 127.0.0.1"
  );
}

/** The base URL apps are reached on through the router, e.g. http://localhost:8080. */
export function routerBaseUrl(config: PierConfig): URL {
  return new URL(config.PIER_PUBLIC_ROUTER_URL ?? `http://${config.PIER_DOMAIN}:${config.PIER_ROUTER_PORT}`);
}

/** URL of a host label (app or deployment) under PIER_DOMAIN. */
export function urlForLabel(config: PierConfig, label: string): string {
  const base = routerBaseUrl(config);
  return `${base.protocol}//${label}.${base.hostname}${base.port ? `:${base.port}` : ""}`;
}
