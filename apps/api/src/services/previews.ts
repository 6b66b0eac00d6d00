import { previewSlug } from "@pier/shared";
import { createHash } from "node:crypto";

/** The preview slug of a branch for an app (stable, DNS-safe, fits one label with the app's name). */
export const previewSlugOf = (appName: string, branch: string) =>
  previewSlug(appName, branch, (text) => createHash("sha256").update(text).digest("hex"));
