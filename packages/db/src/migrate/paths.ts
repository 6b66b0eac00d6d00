import path from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root, found from this file's place in packages/db/src/migrate. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../..");
export const MIGRATIONS_DIR = path.join(REPO_ROOT, "prisma", "migrations");
export const SCHEMA_FILE = path.join(REPO_ROOT, "prisma", "schema.prisma");
