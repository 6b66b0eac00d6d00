import { homedir } from "node:os";
import path from "node:path";
import { z } from "zod";

/**
 * Feature flags: values an app reads at run time, switched without a build or a restart. Each app sees them as
 * env vars when a container starts (PIER_FLAG_<KEY>) and, live, in /run/pier/flags.json
 * (packages/release/src/flags-file.ts writes it).
 */

/** true/false, a string or a number. */
export type FlagValue = boolean | string | number;
export type FlagValues = Record<string, FlagValue>;

export const FLAG_KEY = /^[A-Za-z_][A-Za-z0-9_]{0,99}$/;
export const FLAG_KEY_MESSAGE = "must be letters, digits and '_' (at most 100), not starting with a digit";
export const MAX_FLAG_STRING = 1_000;
export const MAX_FLAGS = 200;

export const flagKeySchema = z.string().regex(FLAG_KEY, FLAG_KEY_MESSAGE);
export const flagValueSchema = z.union([z.boolean(), z.string().max(MAX_FLAG_STRING), z.number()], {
  message: `must be true, false, a number or a string of at most ${MAX_FLAG_STRING} characters`,
});

/** Where the app's flags file is mounted in its containers; the directory, so a replaced file shows at once. */
export const FLAGS_MOUNT_DIR = "/run/pier";
export const FLAGS_FILE_NAME = "flags.json";
export const FLAG_ENV_PREFIX = "PIER_FLAG_";

/** PIER_FLAGS_DIR, or ~/.pier/flags (beside the secrets key). */
export const flagsRootDir = (config: { PIER_FLAGS_DIR?: string | undefined }) =>
  config.PIER_FLAGS_DIR ?? path.join(homedir(), ".pier", "flags");

/** A flag's value as an env var or a person reads it: true/false, a string as it is, a number as JSON writes it. */
export const flagText = (value: FlagValue) => (typeof value === "string" ? value : JSON.stringify(value));

/** PIER_FLAG_<KEY> for each flag. */
export const flagEnv = (flags: FlagValues): Record<string, string> =>
  Object.fromEntries(Object.entries(flags).map(([key, value]) => [`${FLAG_ENV_PREFIX}${key}`, flagText(value)]));

/** Flags as stored (FeatureFlag rows, value JSON) to one record, keys in order. */
export const flagRecord = (rows: ReadonlyArray<{ key: string; value: unknown }>): FlagValues =>
  Object.fromEntries(
    [...rows].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).map((r) => [r.key, r.value as FlagValue]),
  );

/** A flags change as the release history says it: `flags: NEW_CHECKOUT false → true, BANNER (unset) → spring`. */
export const flagChangesText = (
  changes: ReadonlyArray<{ key: string; from: FlagValue | null; to: FlagValue | null }>,
) =>
  `flags: ${changes
    .map(
      ({ key, from, to }) =>
        `${key} ${from === null ? "(unset)" : flagText(from)} → ${to === null ? "(removed)" : flagText(to)}`,
    )
    .join(", ")}`;
