#!/usr/bin/env node
// The `pier` command. In a checkout of Pier it runs the TypeScript sources (tsx compiles them on import), so
// development and tests never run a stale build; the published package has no sources, only the bundle that
// `npm pack` builds (build.ts), which needs nothing but Node.
import { existsSync } from "node:fs";

if (existsSync(new URL("../src/main.ts", import.meta.url))) {
  const { register } = await import("tsx/esm/api");
  register();
  await import("../src/main.ts");
} else {
  await import("../dist/pier.mjs");
}
