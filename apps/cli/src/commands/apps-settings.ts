import { COMMON_OPTIONS, parseCommand, requirePositionals, type Command } from "../command.ts";
import { UsageError } from "../errors.ts";
import { bold, dim, info, print, printJson } from "../output.ts";
import type { AppDto, BodyOf, ResponseOf } from "../types.ts";

type SettingsInput = BodyOf<"/api/apps/{name}", "patch">;

/** One changeable setting: the option that sets it, how its text becomes the field, how the app shows it. */
interface Setting {
  option: string;
  hint: string;
  show(app: AppDto): string;
  apply(input: SettingsInput, raw: string): void;
}

const COMMAND = "apps settings";
const fail = (option: string, rule: string, raw: string) =>
  new UsageError(`--${option} must be ${rule}, not "${raw}"`, COMMAND);

function onOff(option: string, raw: string): boolean {
  if (/^(on|true|yes)$/i.test(raw)) return true;
  if (/^(off|false|no)$/i.test(raw)) return false;
  throw fail(option, "on or off", raw);
}

/** A whole number in [min, max], or null for "default"/"auto" when `resetWord` is given. */
function wholeNumber(option: string, raw: string, min: number, max: number, resetWord?: string): number | null {
  if (resetWord !== undefined && raw === resetWord) return null;
  const n = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isInteger(n) || n < min || n > max)
    throw fail(option, `a whole number from ${min} to ${max}${resetWord ? ` or ${resetWord}` : ""}`, raw);
  return n;
}

/** "512m", "512", "1g" → MB; "auto" → null (measured). */
export function parseMegabytes(option: string, raw: string): number | null {
  if (raw === "auto") return null;
  const match = /^(\d+)\s*(m|mb|g|gb)?$/i.exec(raw);
  if (!match) throw fail(option, "a size such as 512m or 1g, or auto", raw);
  const mb = Number(match[1]) * (match[2]?.toLowerCase().startsWith("g") ? 1024 : 1);
  if (mb < 1 || mb > 1_048_576) throw fail(option, "from 1m to 1024g, or auto", raw);
  return mb;
}

/** "data:/data,cache:/cache" → volumes; "none" → no volumes. */
function parseVolumes(raw: string): { name: string; path: string }[] {
  if (raw === "none") return [];
  return raw.split(",").map((spec) => {
    const at = spec.indexOf(":");
    if (at <= 0 || at === spec.length - 1) throw fail("volumes", "NAME:/path[,NAME:/path…] or none", raw);
    return { name: spec.slice(0, at), path: spec.slice(at + 1) };
  });
}

const onOffWord = (value: boolean) => (value ? "on" : "off");

export const SETTINGS: Setting[] = [
  { option: "repo", hint: "URL", show: (a) => a.repoUrl, apply: (i, raw) => (i.repoUrl = raw) },
  { option: "branch", hint: "BRANCH", show: (a) => a.branch, apply: (i, raw) => (i.branch = raw) },
  { option: "root-dir", hint: "DIR", show: (a) => a.rootDir || ".", apply: (i, raw) => (i.rootDir = raw) },
  {
    option: "port",
    hint: "N|auto",
    show: (a) => (a.port === null ? "auto" : String(a.port)),
    apply: (i, raw) => (i.port = wholeNumber("port", raw, 1, 65_535, "auto")),
  },
  {
    option: "health-check-path",
    hint: "PATH",
    show: (a) => a.healthCheckPath,
    apply: (i, raw) => (i.healthCheckPath = raw),
  },
  {
    option: "previews",
    hint: "on|off",
    show: (a) => onOffWord(a.previews),
    apply: (i, raw) => (i.previews = onOff("previews", raw)),
  },
  {
    option: "volumes",
    hint: "NAME:/path,…|none",
    show: (a) => a.volumes.map((v) => `${v.name}:${v.path}`).join(",") || "none",
    apply: (i, raw) => (i.volumes = parseVolumes(raw)),
  },
  {
    option: "alert-error-rate",
    hint: "0-1|default",
    show: (a) => (a.alertErrorRate === null ? "default (0.05)" : String(a.alertErrorRate)),
    apply: (i, raw) => {
      const rate = raw === "default" ? null : Number(raw);
      if (rate !== null && (raw.trim() === "" || !(rate >= 0 && rate <= 1)))
        throw fail("alert-error-rate", "a number from 0 to 1 or default", raw);
      i.alertErrorRate = rate;
    },
  },
  {
    option: "alert-p95-ms",
    hint: "MS|default",
    show: (a) => (a.alertP95Ms === null ? "default (1000)" : String(a.alertP95Ms)),
    apply: (i, raw) => (i.alertP95Ms = wholeNumber("alert-p95-ms", raw, 1, 600_000, "default")),
  },
  {
    option: "memory-request",
    hint: "SIZE|auto",
    show: (a) => (a.memoryRequestMb === null ? "auto (measured)" : `${a.memoryRequestMb}m`),
    apply: (i, raw) => (i.memoryRequestMb = parseMegabytes("memory-request", raw)),
  },
  {
    option: "https-redirect",
    hint: "on|off",
    show: (a) => onOffWord(a.httpsRedirect),
    apply: (i, raw) => (i.httpsRedirect = onOff("https-redirect", raw)),
  },
  { option: "hsts", hint: "on|off", show: (a) => onOffWord(a.hsts), apply: (i, raw) => (i.hsts = onOff("hsts", raw)) },
];

const OPTIONS = Object.fromEntries(SETTINGS.map((s) => [s.option, { type: "string" as const }]));

function printSettings(app: AppDto, before?: AppDto): void {
  const width = Math.max(...SETTINGS.map((s) => s.option.length));
  for (const setting of SETTINGS) {
    const now = setting.show(app);
    const was = before ? setting.show(before) : now;
    const change = was === now ? now : `${bold(now)} ${dim(`(was ${was})`)}`;
    print(`  ${dim(setting.option.padEnd(width))}  ${change}`);
  }
}

export const appsSettings: Command = {
  name: COMMAND,
  usage: "pier apps settings <app> [--SETTING VALUE]... [--json]",
  summary: "Show an app's settings, or change them (most apply with the next deploy)",
  details: [
    "Without options it shows the settings. The settings:",
    ...SETTINGS.map((s) => `  --${s.option} ${s.hint}`),
    "--https-redirect and --hsts take effect at once; the others with the next deploy. Autoscaling: pier autoscale.",
    "--memory-request is what one replica counts as needing when replicas are admitted (the limit is pier.json's " +
      "resources.memory).",
  ],
  async run(args, context) {
    const { values, positionals } = parseCommand(COMMAND, {
      args,
      options: { ...COMMON_OPTIONS, ...OPTIONS },
      allowPositionals: true,
      strict: true,
    });
    const [name] = requirePositionals(COMMAND, positionals, ["app"]) as [string];
    const given = values as Record<string, string | boolean | undefined>;
    const input: SettingsInput = {};
    for (const setting of SETTINGS) {
      const raw = given[setting.option];
      if (typeof raw === "string") setting.apply(input, raw);
    }
    const client = await context.client();
    const path = `/api/apps/${encodeURIComponent(name)}`;
    const before = await client.request<ResponseOf<"/api/apps/{name}", "get">>("GET", path);
    if (Object.keys(input).length === 0) {
      if (values.json) return printJson(before);
      return printSettings(before);
    }
    const after = await client.request<ResponseOf<"/api/apps/{name}", "patch">>("PATCH", path, input);
    if (values.json) return printJson(after);
    print(`Updated ${bold(name)}:`);
    printSettings(after, before);
    const atOnce = new Set(["httpsRedirect", "hsts"]);
    if (Object.keys(input).some((field) => !atOnce.has(field)))
      info(dim(`Build and run settings apply to the next deploy: pier deploy ${name}`, process.stderr));
  },
};
