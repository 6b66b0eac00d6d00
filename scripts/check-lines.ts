// Fails on any line longer than 120 characters in the repository's code, config and Markdown files, the width
// Biome formats to (biome.json): the formatter leaves long strings, template literals and comments as they are.
// Checks the files git knows (tracked, or new and not ignored), with or without paths to narrow it down:
//   tsx scripts/check-lines.ts [path…]
// Markdown is checked too, tables included (docs are read in terminals and diffs); generated code and test
// fixtures are not.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";

const MAX = 120;
const CHECKED = /\.(ts|mts|cts|js|mjs|cjs|json|sh|ya?ml|md)$/;
const SKIPPED = [/(^|\/)generated\//, /(^|\/)fixtures\//, /(^|\/)dist\//, /^bench\/results\//, /package-lock\.json$/];

const files = execFileSync(
  "git",
  ["ls-files", "--cached", "--others", "--exclude-standard", "-z", "--", ...process.argv.slice(2)],
  { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
)
  .split("\0")
  .filter((file) => CHECKED.test(file) && !SKIPPED.some((skip) => skip.test(file)) && existsSync(file));

let long = 0;
for (const file of new Set(files)) {
  const lines = readFileSync(file, "utf8").split("\n");
  for (const [i, line] of lines.entries()) {
    // Characters as an editor counts columns (code points), not UTF-16 units or bytes.
    const width = [...line].length;
    if (width <= MAX) continue;
    long++;
    console.log(`${file}:${i + 1}: ${width} characters`);
  }
}
if (long > 0) {
  console.error(`${long} line(s) longer than ${MAX} characters: wrap them (split strings, rewrap comments).`);
  process.exit(1);
}
