import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { CLI_TYPES_FILE, cliTypesSource } from "../../../scripts/cli-types.ts";

describe("the CLI's types of the API", () => {
  it("are the ones the API's OpenAPI document gives now", async () => {
    const committed = await readFile(CLI_TYPES_FILE, "utf8").catch(() => "");
    const current = await cliTypesSource();
    // On a mismatch vitest shows the lines that differ, after this message.
    expect(committed, "apps/cli/src/generated/api.ts is stale: run npm run cli:types").toBe(current);
  });

  it("are generated the same way twice", async () => {
    expect(await cliTypesSource()).toBe(await cliTypesSource());
  });
});
