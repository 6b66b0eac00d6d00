import type { ContainerRuntime } from "@pier/runtime";
import { LABELS } from "@pier/shared";

/** Passes over what is left: an image built on another of the app's (a serving image on its build stage) goes first. */
const MAX_PASSES = 5;

const isImageId = (ref: string) => ref.startsWith("sha256:");

/** The ids among `ids` the engine still has. */
async function existing(runtime: ContainerRuntime, ids: Iterable<string>): Promise<string[]> {
  const left: string[] = [];
  for (const id of ids) if (await runtime.imageExists(id)) left.push(id);
  return left;
}

/**
 * The recorded refs whose image carries the app's label. A deployment's row names its image, but a row is data,
 * not proof: a ref naming a base image or another app's (a restored database, a row written by hand) must never
 * take that image with it.
 */
async function onlyTheApps(runtime: ContainerRuntime, appId: string, recorded: readonly string[]) {
  const kept: string[] = [];
  for (const ref of recorded) {
    const image = await runtime.inspectImage(ref);
    if (image?.labels[LABELS.appId] === appId) kept.push(ref);
  }
  return kept;
}

/** An image the engine would not remove, and what it said. */
export interface ImageLeft {
  image: string;
  reason: string;
}

/**
 * Removes every image of a deleted app (its containers already gone): those with its Pier labels (deployment
 * images, build stages, a build's own stage tag) and those its deployments recorded (`recorded`: their tags and
 * ids). Tags go first, so an image known by several tags goes with its last; then what is left, by id, in
 * passes, since the engine refuses an image another is built on until that one is gone. What is still there when
 * a pass removes nothing (another's container runs it) is returned with the engine's reason, for the caller to
 * report: the app is gone by then, so a failure here must not hide that it was deleted.
 */
export async function removeAppImages(
  runtime: ContainerRuntime,
  appId: string,
  recorded: readonly string[],
): Promise<{ removed: string[]; left: ImageLeft[] }> {
  const labels = { [LABELS.managed]: "true", [LABELS.appId]: appId };
  const ours = await onlyTheApps(runtime, appId, recorded);
  const labelled = await runtime.listImages(labels);
  const tags = labelled.flatMap((image) => image.tags.filter((tag) => tag !== "<none>:<none>"));
  const removed: string[] = [];
  // A tag already gone is not an error (removeImage answers a missing image quietly).
  for (const tag of new Set([...tags, ...ours.filter((ref) => !isImageId(ref))])) {
    await runtime.removeImage(tag);
    removed.push(tag);
  }
  const ids = new Set([...(await runtime.listImages(labels)).map((i) => i.id), ...ours.filter(isImageId)]);
  let left = await existing(runtime, ids);
  const refusals = new Map<string, string>();
  for (let pass = 1; left.length > 0; pass++) {
    for (const id of left) {
      try {
        await runtime.removeImage(id);
        removed.push(id);
      } catch (error) {
        // Refused while another image is built on it: the next pass tries again; returned if none helps.
        refusals.set(id, error instanceof Error ? error.message : String(error));
      }
    }
    const before = left.length;
    left = await existing(runtime, left);
    if (left.length === before || pass === MAX_PASSES) break;
  }
  return { removed, left: left.map((image) => ({ image, reason: refusals.get(image) ?? "still present" })) };
}
