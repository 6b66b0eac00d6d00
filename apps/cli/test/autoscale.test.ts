import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomBytes, randomUUID } from "node:crypto";
import { startCliApi, type CliApi } from "./cli-api.ts";

describe("pier autoscale against the real API", () => {
  let cli: CliApi;
  const name = `cli-as-${randomBytes(4).toString("hex")}`;

  const pier = (args: string[]) => cli.pier(args);
  const storedPolicy = async () => (await cli.apiCall("GET", `/api/apps/${name}`)).body.autoscale;

  beforeAll(async () => {
    cli = await startCliApi(name, "pier-cli-autoscale-");
  });

  afterAll(() => cli?.close());

  it("shows that autoscale is off, and how to turn it on", async () => {
    const res = await pier(["autoscale", name]);
    expect(res.stderr).toBe("");
    expect(res.code).toBe(0);
    expect(res.stdout).toContain(`${name} autoscale off: replicas change only by hand`);
    expect(res.stdout).toContain(`pier autoscale ${name} --max N`);
    expect(res.stdout).toContain("No autoscale decisions yet.");
  });

  it("sets a policy: given flags, the API's defaults for the rest", async () => {
    const res = await pier(["autoscale", name, "--min", "2", "--max", "4", "--target", "20", "--delay", "30"]);
    expect(res.stderr).toBe("");
    expect(res.code).toBe(0);
    expect(res.stdout).toContain(`Autoscale ${name}: min 2, max 4, 20 in flight per replica, scale down after 30s`);
    expect(await storedPolicy()).toEqual({
      min: 2,
      max: 4,
      targetConcurrency: 20,
      scaleDownDelaySeconds: 30,
      idleTimeoutSeconds: 300,
    });
  });

  it("with a policy on, --min/--max keep its values when left out; other flags go back to the defaults", async () => {
    const res = await pier(["autoscale", name, "--max", "6", "--target-rps", "50.5"]);
    expect(res.code).toBe(0);
    expect(await storedPolicy()).toEqual({
      min: 2,
      max: 6,
      targetConcurrency: 10,
      targetRps: 50.5,
      scaleDownDelaySeconds: 60,
      idleTimeoutSeconds: 300,
    });
    const toZero = await pier(["autoscale", name, "--min", "0", "--idle", "120"]);
    expect(toZero.code).toBe(0);
    expect(toZero.stdout).toContain(
      "min 0, max 6, 10 in flight per replica, scale down after 60s, to zero after 120s without requests",
    );
    expect(await storedPolicy()).toEqual({
      min: 0,
      max: 6,
      targetConcurrency: 10,
      scaleDownDelaySeconds: 60,
      idleTimeoutSeconds: 120,
    });
  });

  it("reads the policy back with the last decisions, newest first (and as the API's JSON)", async () => {
    const target = await cli.api.pier.prisma.app.findUniqueOrThrow({ where: { name } });
    const now = Date.now();
    // The autoscaler (not running here) writes these; the CLI only reads them through the API.
    await cli.api.pier.prisma.scaleDecision.createMany({
      data: [
        {
          id: randomUUID(),
          appId: target.id,
          at: new Date(now - 120_000),
          fromReplicas: 1,
          toReplicas: 4,
          reason: "panic: 6 s concurrency 42 over 2× target",
          panic: true,
          panicConcurrency: 42,
          stableConcurrency: 12.25,
          requestsPerSecond: 310,
        },
        {
          id: randomUUID(),
          appId: target.id,
          at: new Date(now - 30_000),
          fromReplicas: 4,
          toReplicas: 2,
          reason: "load fell for 60 s",
          panic: false,
          panicConcurrency: 3,
          stableConcurrency: 4.5,
          requestsPerSecond: 40,
        },
      ],
    });

    const res = await pier(["autoscale", name]);
    expect(res.code).toBe(0);
    const lines = res.stdout.trimEnd().split("\n");
    expect(lines[0]).toBe(
      `${name} autoscale min 0, max 6, 10 in flight per replica, scale down after 60s, ` +
        "to zero after 120s without requests",
    );
    const header = lines.findIndex((l) => l.startsWith("AGE"));
    expect(lines[header]).toMatch(/^AGE\s+CHANGE\s+PANIC\s+IN FLIGHT 6s\/60s\s+REQ\/S\s+REASON$/);
    expect(lines[header + 1]).toMatch(/^\d+s\s+4 → 2\s+-\s+3\/4\.5\s+40\s+load fell for 60 s$/);
    expect(lines[header + 2]).toMatch(
      /^2m\s+1 → 4\s+yes\s+42\/12\.3\s+310\s+panic: 6 s concurrency 42 over 2× target$/,
    );

    const json = await pier(["autoscale", name, "--json"]);
    expect(json.code).toBe(0);
    const body = JSON.parse(json.stdout);
    expect(body).toEqual((await cli.apiCall("GET", `/api/apps/${name}/autoscale?limit=10`)).body);
    expect(body.decisions.map((d: { to: number }) => d.to)).toEqual([2, 4]);
  });

  it("apps show prints the policy; pier scale is refused while it is on (exit 6)", async () => {
    const show = await pier(["apps", "show", name]);
    expect(show.code).toBe(0);
    expect(show.stdout).toMatch(/^ +autoscale +min 0, max 6, 10 in flight per replica/m);
    const scale = await pier(["scale", name, "3"]);
    expect(scale.code).toBe(6);
    expect(scale.stderr).toMatch(/is autoscaled \(min 0, max 6\).*\(409 conflict\)/);
  });

  it("a bad policy: the API's field error, exit 6, and the policy is unchanged", async () => {
    const before = await storedPolicy();
    const minOverMax = await pier(["autoscale", name, "--min", "5", "--max", "2"]);
    expect(minOverMax.code).toBe(6);
    expect(minOverMax.stdout).toBe("");
    expect(minOverMax.stderr).toBe("pier: autoscale.min: must not be over max (400 validation_failed)\n");
    const overOperator = await pier(["autoscale", name, "--max", "99"]);
    expect(overOperator.code).toBe(6);
    expect(overOperator.stderr).toContain(
      `autoscale.max: 99 is over the operator's maximum ${cli.config.PIER_MAX_REPLICAS}`,
    );
    expect(await storedPolicy()).toEqual(before);
  });

  it("turns autoscale off: replicas change by hand again", async () => {
    const res = await pier(["autoscale", name, "off"]);
    expect(res.stderr).toBe("");
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(new RegExp(`^Autoscale off for ${name}: \\d+ replicas?, changed only by pier scale`));
    expect(await storedPolicy()).toBeNull();
    const show = await pier(["apps", "show", name]);
    expect(show.stdout).not.toMatch(/^ +autoscale /m);
  });

  it("exits 2 on bad usage, before anything changes", async () => {
    const cases: Array<[string[], RegExp]> = [
      [["autoscale"], /missing <app>/],
      [["autoscale", name, "on"], /unexpected argument: on/],
      [["autoscale", name, "off", "--max", "3"], /off takes no policy flags/],
      [["autoscale", name, "--min", "two", "--max", "4"], /--min must be a whole number, not "two"/],
      [["autoscale", name, "--max", "4", "--target", "lots"], /--target must be a number, not "lots"/],
      [["autoscale", name, "--min", "1"], new RegExp(`missing --max N: ${name} has no autoscale policy yet`)],
    ];
    for (const [args, message] of cases) {
      const res = await pier(args);
      expect(res.code, args.join(" ")).toBe(2);
      expect(res.stdout, args.join(" ")).toBe("");
      expect(res.stderr, args.join(" ")).toMatch(message);
      expect(res.stderr, args.join(" ")).toContain("usage: pier autoscale <app> [off | --min N --max N");
    }
    expect(await storedPolicy()).toBeNull();
  });

  it("is in pier help, with its flags and defaults", async () => {
    const help = await pier(["help"]);
    expect(help.stdout).toMatch(/^ {2}autoscale +Show an app's autoscale policy/m);
    const own = await pier(["autoscale", "--help"]);
    expect(own.code).toBe(0);
    expect(own.stdout).toContain(
      "Usage: pier autoscale <app> " +
        "[off | --min N --max N [--target N] [--target-rps N] [--delay S] [--idle S]] [--json]",
    );
    expect(own.stdout).toContain("--target 10 requests in flight per replica");
  });
});
