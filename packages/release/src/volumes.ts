import type { VolumeMount } from "@pier/runtime";
import { LABELS, type VolumeSpec } from "@pier/shared";
import type { ReleaseDeps } from "./deps.ts";

/**
 * The Docker volume behind an app's named volume: per app id, so it survives renames and redeploys. A
 * preview branch gets volumes of its own, never production's: a preview must not touch production data.
 */
export const dockerVolumeName = (appId: string, name: string, previewSlug?: string | null) =>
  `pier-${appId}-${name}${previewSlug ? `--preview-${previewSlug}` : ""}`;

/**
 * Creates (once) the volumes of an app's production, or of one of its preview branches, and returns how
 * to mount them.
 */
export async function prepareVolumes(
  deps: ReleaseDeps,
  app: { id: string; name: string },
  volumes: VolumeSpec[],
  previewSlug: string | null = null,
): Promise<VolumeMount[]> {
  const mounts: VolumeMount[] = [];
  for (const volume of volumes) {
    const name = dockerVolumeName(app.id, volume.name, previewSlug);
    const labels = {
      [LABELS.managed]: "true",
      [LABELS.appId]: app.id,
      [LABELS.app]: app.name,
      "pier.volume": volume.name,
      ...(previewSlug ? { [LABELS.preview]: previewSlug } : {}),
    };
    await deps.runtime.ensureVolume(name, labels);
    mounts.push({ volume: name, path: volume.path });
  }
  return mounts;
}

/** Removes every volume of an app: only when it is deleted with the explicit flag. */
export async function removeAppVolumes(deps: ReleaseDeps, appId: string): Promise<string[]> {
  const volumes = await deps.runtime.listVolumes({ [LABELS.managed]: "true", [LABELS.appId]: appId });
  for (const volume of volumes) await deps.runtime.removeVolume(volume.name);
  return volumes.map((v) => v.name);
}

/** Reads the mounts stored on a deployment (JSON column). */
export function storedMounts(value: unknown): VolumeMount[] {
  return Array.isArray(value)
    ? value.filter((m): m is VolumeMount => typeof m?.volume === "string" && typeof m?.path === "string")
    : [];
}
