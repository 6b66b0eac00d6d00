#!/usr/bin/env node
// Runs the TypeScript sources directly (the repo has no build step): tsx compiles them on import.
import { register } from "tsx/esm/api";

register();
await import("../src/main.ts");
