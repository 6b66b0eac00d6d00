import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCliApi, type CliApi } from "./cli-api.ts";

// Against single Docker: one node to list; draining it or joining another is refused with the API's reason.
describe("pier nodes", () => {
  let cli: CliApi;

  beforeAll(async () => {
    cli = await startCliApi(`cli-nodes-${randomBytes(3).toString("hex")}`, "pier-cli-nodes-", { createApp: false });
  });
  afterAll(() => cli?.close());

  it("lists the one machine in a table, and as JSON with the runtime and each node's replicas", async () => {
    const listed = await cli.pier(["nodes"]);
    expect(listed.code, listed.stderr).toBe(0);
    const lines = listed.stdout.trim().split("\n");
    expect(lines[0]).toMatch(/^NAME +ROLE +STATE +AVAILABILITY +ADDRESS +CPU +MEMORY +TASKS$/);
    expect(lines[1]).toMatch(/^\S+ +manager +ready +active +127\.0\.0\.1 +\d+ +[\d.]+ GiB +\d+$/);
    expect(lines).toHaveLength(2);
    expect(listed.stderr).toContain("Single Docker: one node");
    const json = JSON.parse((await cli.pier(["nodes", "--json"])).stdout);
    expect(json.runtime).toBe("docker");
    expect(json.nodes[0].replicas).toBeInstanceOf(Array);
  });

  it("refuses drain, activate and join on single Docker (exit 6, no_cluster); an unknown node exits 5", async () => {
    const name = JSON.parse((await cli.pier(["nodes", "--json"])).stdout).nodes[0].name as string;
    for (const action of ["drain", "activate"]) {
      const refused = await cli.pier(["nodes", action, name]);
      expect(refused.code).toBe(6);
      expect(refused.stderr).toMatch(/single Docker.*\(409 no_cluster\)/);
    }
    const join = await cli.pier(["nodes", "join"]);
    expect(join.code).toBe(6);
    expect(join.stderr).toContain("(409 no_cluster)");
    const unknown = await cli.pier(["nodes", "drain", "no-such-node"]);
    expect(unknown.code).toBe(5);
    expect(unknown.stderr).toContain("no node has the id or name no-such-node (404 node_not_found)");
    const missing = await cli.pier(["nodes", "drain"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("missing <id|name>");
  });
});
