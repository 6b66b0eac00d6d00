import { COMMON_OPTIONS, parseCommand, requirePositionals, type Command } from "../command.ts";
import { UsageError } from "../errors.ts";
import { age, bold, dim, print, printJson, table } from "../output.ts";
import type { AutoscaleDto, AutoscalePolicyDto, AutoscalePolicyInput } from "../types.ts";

/** How many of the autoscaler's decisions `pier autoscale <app>` shows. */
const DECISIONS_SHOWN = 10;

/** Each policy flag, the policy field it sets, and whether it takes whole numbers only (as the API does). */
const POLICY_FLAGS = [
  { flag: "min", field: "min", whole: true },
  { flag: "max", field: "max", whole: true },
  { flag: "target", field: "targetConcurrency", whole: false },
  { flag: "target-rps", field: "targetRps", whole: false },
  { flag: "delay", field: "scaleDownDelaySeconds", whole: true },
  { flag: "idle", field: "idleTimeoutSeconds", whole: true },
] as const satisfies ReadonlyArray<{ flag: string; field: keyof AutoscalePolicyDto; whole: boolean }>;

const OPTIONS = {
  ...COMMON_OPTIONS,
  min: { type: "string" },
  max: { type: "string" },
  target: { type: "string" },
  "target-rps": { type: "string" },
  delay: { type: "string" },
  idle: { type: "string" },
} as const;

const n = (x: number) => String(Number(x.toFixed(1)));

/** "min 1, max 4, 10 in flight per replica, scale down after 60s" (idle timeout only when it applies: min 0). */
export function describePolicy(policy: AutoscalePolicyDto): string {
  return [
    `min ${policy.min}`,
    `max ${policy.max}`,
    `${n(policy.targetConcurrency)} in flight per replica`,
    ...(policy.targetRps === undefined ? [] : [`${n(policy.targetRps)} req/s per replica`]),
    `scale down after ${policy.scaleDownDelaySeconds}s`,
    ...(policy.min === 0 ? [`to zero after ${policy.idleTimeoutSeconds}s without requests`] : []),
  ].join(", ");
}

/** The policy fields whose flags were given, as numbers; range checks (min ≤ max…) are the API's. */
function givenFields(values: Partial<Record<string, string | boolean>>): Partial<AutoscalePolicyInput> {
  const input: Partial<AutoscalePolicyInput> = {};
  for (const { flag, field, whole } of POLICY_FLAGS) {
    const text = values[flag];
    if (typeof text !== "string") continue;
    if (!(whole ? /^\d+$/ : /^\d+(\.\d+)?$/).test(text))
      throw new UsageError(`--${flag} must be ${whole ? "a whole number" : "a number"}, not "${text}"`, "autoscale");
    input[field] = Number(text);
  }
  return input;
}

/** "1 replica", "3 replicas". */
const replicaCount = (n: number) => `${n} ${n === 1 ? "replica" : "replicas"}`;

function printAutoscale(app: string, result: AutoscaleDto): void {
  const policy = result.policy
    ? describePolicy(result.policy)
    : `off: replicas change only by hand (pier scale); turn it on with pier autoscale ${app} --max N`;
  print(`${bold(app)} autoscale ${policy}`);
  print(dim(`  ${replicaCount(result.desired)} desired now`));
  print();
  if (result.decisions.length === 0) {
    print("No autoscale decisions yet.");
    return;
  }
  print(
    table(
      ["AGE", "CHANGE", "PANIC", "IN FLIGHT 6s/60s", "REQ/S", "REASON"],
      result.decisions.map((d) => [
        age(d.at),
        `${d.from} → ${d.to}`,
        d.panic ? "yes" : "-",
        `${n(d.panicConcurrency)}/${n(d.stableConcurrency)}`,
        n(d.requestsPerSecond),
        d.reason,
      ]),
    ),
  );
}

export const autoscale: Command = {
  name: "autoscale",
  usage: "pier autoscale <app> [off | --min N --max N [--target N] [--target-rps N] [--delay S] [--idle S]] [--json]",
  summary: "Show an app's autoscale policy and last decisions, set the policy, or turn it off",
  details: [
    `With only <app>: the policy and the autoscaler's last ${DECISIONS_SHOWN} decisions.`,
    "With flags: sets the policy. --max is needed unless a policy is on (then --min and --max keep its values);",
    "other flags left out take Pier's defaults, not the current policy's: --target 10 requests in flight per replica,",
    "no --target-rps (requests/s per replica; when set, whichever asks for more replicas wins), --delay 60 seconds",
    "before scaling down, --idle 300 seconds without requests before stopping every replica (only with --min 0).",
    "off: replicas stay where the autoscaler left them (an app scaled to zero gets one) and change only by pier scale.",
  ],
  async run(args, context) {
    const { values, positionals } = parseCommand("autoscale", {
      args,
      options: OPTIONS,
      allowPositionals: true,
      strict: true,
    });
    const [app, mode, extra] = requirePositionals("autoscale", positionals, ["app"], { rest: true }) as [
      string,
      string?,
      string?,
    ];
    if (extra !== undefined || (mode !== undefined && mode !== "off"))
      throw new UsageError(`unexpected argument: ${extra ?? mode}`, "autoscale");
    const given = givenFields(values);
    const client = await context.client();

    if (mode === "off") {
      if (Object.keys(given).length > 0) throw new UsageError("off takes no policy flags", "autoscale");
      const updated = await client.setAutoscale(app, null);
      if (values.json) return printJson(updated);
      const replicas = replicaCount(updated.replicas.desired);
      return print(`Autoscale off for ${bold(app)}: ${replicas}, changed only by pier scale from now on.`);
    }
    if (Object.keys(given).length === 0) {
      const result = await client.getAutoscale(app, DECISIONS_SHOWN);
      return values.json ? printJson(result) : printAutoscale(app, result);
    }

    // min and max are always sent: from the flags, else from the policy that is on.
    const current = given.min === undefined || given.max === undefined ? (await client.getApp(app)).autoscale : null;
    const min = given.min ?? current?.min;
    const max = given.max ?? current?.max;
    if (max === undefined) throw new UsageError(`missing --max N: ${app} has no autoscale policy yet`, "autoscale");
    const updated = await client.setAutoscale(app, { ...given, ...(min === undefined ? {} : { min }), max });
    if (values.json) return printJson(updated);
    print(`Autoscale ${bold(app)}: ${updated.autoscale ? describePolicy(updated.autoscale) : "off"}`);
    print(
      dim(
        `  ${replicaCount(updated.replicas.desired)} desired now; ` +
          "the autoscaler applies the policy within seconds, no deploy needed.",
      ),
    );
  },
};
