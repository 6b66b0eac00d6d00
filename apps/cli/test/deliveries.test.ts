import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import { deliveryHeaders, pingPayload, pushPayload, sign } from "../../../tests/support/github.ts";
import { startCliApi, type CliApi } from "./cli-api.ts";

describe("pier deliveries, and a webhook URL GitHub can't reach", () => {
  let cli: CliApi;
  const name = `dlv-${randomBytes(4).toString("hex")}`;
  const pier = (args: string[]) => cli.pier(args);

  beforeAll(async () => {
    // No PIER_PUBLIC_URL: the webhook URL is the API's own loopback address. The test makes the app with the CLI.
    cli = await startCliApi(name, "pier-cli-", { config: { PIER_PUBLIC_URL: "" }, createApp: false });
  });
  afterAll(async () => {
    await cli?.api.pier.queue.obliterate({ force: true });
    await cli?.close();
  });

  it("apps create and apps show say GitHub can't reach a loopback webhook URL, and what to do", async () => {
    const created = await pier(["apps", "create", name, "--repo", "https://github.com/owner/repo.git"]);
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/warning +GitHub can't reach this webhook URL: 127\.0\.0\.1 is a loopback/);
    expect(created.stdout).toMatch(/Set PIER_PUBLIC_URL to a public URL .* tunnel.* head check/);
    const shown = await pier(["apps", "show", name, "--json"]);
    expect(JSON.parse(shown.stdout).webhookWarning).toMatch(/^GitHub can't reach this webhook URL/);
  });

  it("lists deliveries newest first with their outcome and why", async () => {
    const secret = (await cli.apiCall("GET", `/api/apps/${name}`)).body.webhookSecret;
    const send = (event: string, body: string, headers: Record<string, string> = {}) =>
      cli.api.inject({
        method: "POST",
        url: `/webhooks/github/${name}`,
        headers: { ...deliveryHeaders(event, secret, body), ...headers },
        payload: body,
      });
    await send("ping", JSON.stringify(pingPayload()));
    const push = JSON.stringify(pushPayload({ branch: "main", sha: "a".repeat(40), message: "ship it" }));
    await send("push", push, { "x-hub-signature-256": sign("wrong", push) });
    await send("push", push);
    await send("push", JSON.stringify(pushPayload({ branch: "feature", sha: "b".repeat(40) })));

    const res = await pier(["deliveries", name]);
    expect(res.stderr).toBe("");
    expect(res.code).toBe(0);
    const lines = res.stdout.trim().split("\n");
    expect(lines[0]).toMatch(/^AGE +EVENT +OUTCOME +COMMIT +DEPLOYMENT +WHY/);
    expect(lines.slice(1).map((l) => l.split(/ {2,}/).slice(1, 3))).toEqual([
      ["push", "ignored"],
      ["push", "deployed"],
      ["push", "rejected"],
      ["ping", "ignored"],
    ]);
    expect(lines[1]).toMatch(/bbbbbbbbbbbb .* branch feature is not the production branch main/);
    expect(lines[2]).toMatch(/aaaaaaaaaaaa +\w{8} queued/);
    expect(lines[3]).toContain("401: X-Hub-Signature-256 is missing or does not match");
    const json = JSON.parse((await pier(["deliveries", name, "--limit", "1", "--json"])).stdout);
    expect(json.deliveries).toHaveLength(1);
    const bad = await pier(["deliveries", name, "--limit", "0"]);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain("--limit must be a whole number from 1 to 1000");
  });
});
