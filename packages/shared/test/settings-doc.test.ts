import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { configSchema } from "../src/config.ts";

const SETTINGS_DOC = new URL("../../../docs/operator-guide/settings.md", import.meta.url);

/** The variables the settings page gives a row of its own: `| `NAME` |` or `| `A` / `B` |` at a row's start. */
function documentedVariables(markdown: string): Set<string> {
  const names = new Set<string>();
  for (const line of markdown.split("\n")) {
    const firstCell = /^\|([^|]+)\|/.exec(line)?.[1] ?? "";
    for (const match of firstCell.matchAll(/`([A-Z][A-Z0-9_]*)`/g)) names.add(match[1]!);
  }
  return names;
}

describe("docs/operator-guide/settings.md", () => {
  const documented = documentedVariables(readFileSync(SETTINGS_DOC, "utf8"));

  it("has a row for every variable of the config schema", () => {
    const missing = Object.keys(configSchema.shape).filter((name) => !documented.has(name));
    expect(missing, "add a row to docs/operator-guide/settings.md for each").toEqual([]);
  });

  it("reads rows as the first cell of a table only", () => {
    const sample = "| `PIER_A` / `PIER_B` | `1` | mentions `PIER_C` |\nText naming `PIER_D`.";
    expect([...documentedVariables(sample)]).toEqual(["PIER_A", "PIER_B"]);
  });
});
