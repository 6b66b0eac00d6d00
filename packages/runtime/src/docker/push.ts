import { RuntimeRequestError, RuntimeUnavailableError } from "../errors.ts";
import type { RegistryAuth } from "../registry/registry-client.ts";
import { isImageId, splitImageName } from "../registry/reference.ts";
import { engineCall, translate, type DockerClient } from "./engine.ts";
import { removeImage, tagImage } from "./images.ts";

interface PushEvent {
  status?: string;
  id?: string;
  progress?: string;
  error?: string;
  errorDetail?: { message?: string };
  aux?: { Tag?: string; Digest?: string; Size?: number };
}

/** How an engine says the registry didn't answer (as opposed to refusing): worth pushing again later. */
const REGISTRY_UNREACHABLE = new RegExp(
  [
    "connection refused",
    "connection reset",
    "no route to host",
    "network is unreachable",
    "no such host",
    "i/o timeout",
    "TLS handshake timeout",
    "EOF$",
  ].join("|"),
  "i",
);
/** How it says it spoke HTTPS to a plain-HTTP registry: the engine must list it in insecure-registries. */
const HTTPS_TO_HTTP = /server gave HTTP response to HTTPS client/i;

/**
 * Pushes `localRef` (an image on this engine) to a registry as `remoteRef` ("<registry>/pier/web:3f2a9c1b2d4e"):
 * tags it, pushes that tag with `auth` when the registry needs credentials, then drops the remote tag again when
 * `localRef` is a tag (the image stays under it), so the engine's images carry only Pier's own tags: retention and
 * app deletion find and remove each image by those. A failure the engine reports in the middle of the push (its
 * progress stream) throws: RuntimeUnavailableError when the registry didn't answer, RuntimeRequestError when it
 * refused. `onLog` hears each layer's steps ("Pushed", "Layer already exists"). Returns the pushed manifest's digest.
 */
export async function pushImage(
  docker: DockerClient,
  localRef: string,
  remoteRef: string,
  auth?: RegistryAuth,
  onLog?: (line: string) => void,
): Promise<{ digest: string | null }> {
  await tagImage(docker, localRef, remoteRef);
  try {
    return await pushTag(docker, remoteRef, auth, onLog);
  } finally {
    // Untagging an image known only by this tag would remove it (an image id was given): then the tag stays.
    if (localRef !== remoteRef && !isImageId(localRef)) await removeImage(docker, remoteRef);
  }
}

async function pushTag(
  docker: DockerClient,
  remoteRef: string,
  auth: RegistryAuth | undefined,
  onLog: ((line: string) => void) | undefined,
): Promise<{ digest: string | null }> {
  const { repository, reference } = splitImageName(remoteRef);
  const what = `push ${remoteRef}`;
  const stream = await engineCall(what, () =>
    // The engine wants X-Registry-Auth on pushes; "{}" is the anonymous one, as the docker CLI sends it.
    docker.getImage(repository).push({ tag: reference, authconfig: auth ?? {} }),
  );
  const events: PushEvent[] = await new Promise((resolve, reject) => {
    docker.modem.followProgress(
      stream,
      (err: Error | null, all: PushEvent[]) => (err ? reject(translate(err, what)) : resolve(all)),
      (event: PushEvent) => {
        // Progress bars (Pushing …) repeat many times a second: only the steps are worth a line.
        if (onLog && event.status && !event.progress) onLog(event.id ? `${event.id}: ${event.status}` : event.status);
      },
    );
  });
  const failure = events.find((event) => event.error || event.errorDetail);
  if (failure) throw pushFailure(remoteRef, failure.errorDetail?.message ?? failure.error ?? "push failed");
  return { digest: events.find((event) => event.aux?.Digest)?.aux?.Digest ?? null };
}

function pushFailure(remoteRef: string, detail: string): Error {
  const message = `Docker could not push ${remoteRef}: ${detail}`;
  if (HTTPS_TO_HTTP.test(detail)) {
    return new RuntimeRequestError(
      `${message} (the registry speaks plain HTTP: list it in the engine's insecure-registries, daemon.json)`,
      undefined,
    );
  }
  if (REGISTRY_UNREACHABLE.test(detail)) return new RuntimeUnavailableError(message);
  return new RuntimeRequestError(message, undefined);
}
