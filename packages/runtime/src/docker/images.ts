import type { Readable } from "node:stream";
import { extract as untar } from "tar-stream";
import { packBuildContext } from "../build-context.ts";
import { ImageBuildError, RuntimeUnavailableError } from "../errors.ts";
import type { BuildSpec, ImageSummary } from "../runtime.ts";
import { removeContainer } from "./containers.ts";
import { engineCall, labelFilters, translate, type DockerClient } from "./engine.ts";
import { takesNewConnections } from "./host.ts";

interface BuildEvent {
  stream?: string;
  status?: string;
  error?: string;
  errorDetail?: { message?: string };
  aux?: { ID?: string };
}

/** Containers made only to read an image's files. */
const PROBE_LABEL = "pier.probe";

export function imageExists(docker: DockerClient, ref: string): Promise<boolean> {
  return engineCall(
    `inspect image ${ref}`,
    async () => {
      await docker.getImage(ref).inspect();
      return true;
    },
    { notFound: () => false },
  );
}

/** An image's id and labels, or null when there is no such image. */
export function inspectImage(
  docker: DockerClient,
  ref: string,
): Promise<{ id: string; labels: Record<string, string> } | null> {
  return engineCall(
    `inspect image ${ref}`,
    async () => {
      const image = await docker.getImage(ref).inspect();
      return { id: image.Id, labels: image.Config?.Labels ?? {} };
    },
    { notFound: () => null },
  );
}

/** Pulls an image; throws if the registry can't be reached or the image doesn't exist. */
export function pullImage(docker: DockerClient, ref: string): Promise<void> {
  return engineCall(`pull ${ref}`, async () => {
    const stream = await docker.pull(ref);
    await new Promise<void>((resolve, reject) => {
      docker.modem.followProgress(stream, (err: Error | null, events: BuildEvent[]) => {
        const failed = events?.find((ev) => ev.error);
        if (err) reject(err);
        else if (failed) reject(new Error(failed.error));
        else resolve();
      });
    });
  });
}

/** `socketPath`: the engine's, to tell a build the engine broke off from one that failed (see buildFailure). */
export async function buildImage(
  docker: DockerClient,
  spec: BuildSpec,
  socketPath: string,
): Promise<{ imageId: string }> {
  const context = packBuildContext({
    dir: spec.contextDir,
    exclude: spec.exclude ?? [],
    ignorePatterns: spec.ignorePatterns ?? [],
    keep: [spec.dockerfile, ".dockerignore"],
    extraFiles: spec.extraFiles ?? new Map(),
  });
  const limits = spec.limits
    ? {
        memory: spec.limits.memoryBytes,
        memswap: spec.limits.memoryBytes, // no swap on top: past the limit, the step is killed
        cpuperiod: 100_000,
        cpuquota: Math.round((spec.limits.nanoCpus / 1e9) * 100_000),
        ...(spec.limits.cgroupParent ? { cgroupparent: spec.limits.cgroupParent } : {}),
      }
    : {};
  const stream = await engineCall("build an image", () =>
    // tar-fs packs with streamx, which pipes like a Node stream; docker-modem only calls pipe().
    docker.buildImage(context as unknown as NodeJS.ReadableStream, {
      t: spec.tag,
      dockerfile: spec.dockerfile,
      buildargs: spec.buildArgs ?? {},
      labels: spec.labels ?? {},
      rm: true,
      forcerm: true,
      ...limits,
      abortSignal: spec.signal,
    }),
  );
  let pending = "";
  let instruction: string | null = null;
  const emit = (text: string) => {
    pending += text;
    const lines = pending.split("\n");
    pending = lines.pop() ?? "";
    for (const line of lines) {
      // The legacy builder announces each instruction as "Step 2/9 : RUN npm ci".
      const step = /^Step \d+\/\d+ : (.*)$/.exec(line)?.[1];
      if (step !== undefined) instruction = step.trim();
      spec.onLog(line.replace(/\r$/, ""));
    }
  };
  const events: BuildEvent[] = await new Promise((resolve, reject) => {
    docker.modem.followProgress(
      stream,
      (err: Error | null, all: BuildEvent[]) => (err ? reject(translate(err, "build an image")) : resolve(all)),
      (event: BuildEvent) => {
        if (event.stream) emit(event.stream);
        else if (event.status) emit(`${event.status}\n`);
        if (event.error) emit(`${event.error}\n`);
      },
    );
  });
  if (pending) spec.onLog(pending);
  const failure = events.find((ev) => ev.error);
  if (failure) {
    throw await buildFailure(socketPath, failure.errorDetail?.message ?? failure.error ?? "build failed", instruction);
  }
  // The id of the tagged image is the authoritative result (aux.ID is only sent by some engines).
  return engineCall(`inspect built image ${spec.tag}`, async () => {
    const image = await docker.getImage(spec.tag).inspect();
    return { imageId: image.Id };
  });
}

/**
 * A build that failed while the engine stopped taking connections failed because of the engine
 * (shutting down or restarting: its storage and networks go first), not because of the Dockerfile:
 * that is worth another attempt, a build error is not.
 */
async function buildFailure(socketPath: string, message: string, instruction: string | null): Promise<Error> {
  const reachable = await takesNewConnections(socketPath);
  return reachable === true
    ? new ImageBuildError(message, instruction)
    : new RuntimeUnavailableError(`Docker engine went away during the build (${message})`, { cause: reachable });
}

/**
 * One file of an image's filesystem (read from a created, never started, container): null when the
 * path doesn't exist; an error when it is larger than maxBytes or not a regular file.
 */
export async function readImageFile(
  docker: DockerClient,
  image: string,
  filePath: string,
  maxBytes: number,
): Promise<Buffer | null> {
  const container = await engineCall(`create a container to read ${filePath} from ${image.slice(0, 19)}`, () =>
    // Never started: no command runs, no network; the label keeps it out of Pier's own container lists.
    docker.createContainer({
      Image: image,
      Entrypoint: ["/nonexistent"],
      Cmd: [],
      Labels: { [PROBE_LABEL]: "true" },
      HostConfig: { NetworkMode: "none" },
    }),
  );
  try {
    const archive = await engineCall(`read ${filePath} from an image`, () => container.getArchive({ path: filePath }), {
      notFound: () => null,
    });
    if (archive === null) return null;
    return await firstFileOf(archive as Readable, filePath, maxBytes);
  } finally {
    await removeContainer(docker, container.id);
  }
}

/** The content of the single regular file a `GET …/archive` tar holds. */
async function firstFileOf(archive: Readable, filePath: string, maxBytes: number): Promise<Buffer> {
  const entries = untar();
  archive.pipe(entries);
  for await (const entry of entries) {
    if (entry.header.type !== "file") throw new Error(`${filePath} in the image is not a regular file`);
    if ((entry.header.size ?? 0) > maxBytes) throw new Error(`${filePath} in the image is over ${maxBytes} bytes`);
    const chunks: Buffer[] = [];
    for await (const chunk of entry) chunks.push(chunk as Buffer);
    archive.unpipe(entries);
    archive.resume();
    return Buffer.concat(chunks);
  }
  throw new Error(`${filePath}: the engine sent an empty archive`);
}

export async function tagImage(docker: DockerClient, source: string, target: string): Promise<void> {
  const [repo, tag] = splitRef(target);
  await engineCall(`tag ${source} as ${target}`, () => docker.getImage(source).tag({ repo, tag }));
}

export async function removeImage(docker: DockerClient, ref: string): Promise<void> {
  await engineCall(`remove image ${ref}`, () => docker.getImage(ref).remove(), { notFound: () => undefined });
}

export function listImages(docker: DockerClient, labels: Record<string, string>): Promise<ImageSummary[]> {
  return engineCall("list images", async () => {
    const images = await docker.listImages({ filters: { label: labelFilters(labels) } });
    return images.map((img) => ({
      id: img.Id,
      tags: img.RepoTags ?? [],
      labels: img.Labels ?? {},
      createdAt: new Date(img.Created * 1000),
    }));
  });
}

/**
 * Removes untagged images nothing is built on, made before `createdBefore`: the build cache the legacy
 * builder leaves (layers of failed builds, leaves a rebuild replaced). Returns the bytes reclaimed.
 */
export function pruneDanglingImages(
  docker: DockerClient,
  createdBefore: Date,
): Promise<{ removed: number; bytes: number }> {
  return engineCall("prune dangling images", async () => {
    // Docker's own prune: only images with no tag, no child and no container, like `docker image prune`.
    const until = String(Math.floor(createdBefore.getTime() / 1000));
    const pruned = await docker.pruneImages({ filters: { dangling: ["true"], until: [until] } });
    return { removed: (pruned.ImagesDeleted ?? []).filter((d) => d.Deleted).length, bytes: pruned.SpaceReclaimed ?? 0 };
  });
}

function splitRef(ref: string): [string, string] {
  const slash = ref.lastIndexOf("/");
  const colon = ref.lastIndexOf(":");
  return colon > slash ? [ref.slice(0, colon), ref.slice(colon + 1)] : [ref, "latest"];
}
