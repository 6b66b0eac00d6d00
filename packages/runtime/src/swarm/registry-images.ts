// Pier's images on Swarm: built and tagged on the build engine, pushed to the registry every node pulls from.
import type { DockerClient } from "../docker/engine.ts";
import { engineCall } from "../docker/engine.ts";
import * as images from "../docker/images.ts";
import { pushImage } from "../docker/push.ts";
import { ImageMissingError } from "../errors.ts";
import { isImageId, splitImageName } from "../registry/reference.ts";
import type { RegistryAuth, RegistryClient } from "../registry/registry-client.ts";

/**
 * The rest of Pier names images by their local tag ("pier/web:3f2a9c1b2d4e") or id ("sha256:…"), as on Docker;
 * here each tag is also in the registry, under "<registry>/<tag>".
 */
export class RegistryImages {
  constructor(
    /** The build engine: where images are built, tagged and pushed from. */
    private readonly build: DockerClient,
    private readonly registry: RegistryClient,
  ) {}

  get auth(): RegistryAuth | undefined {
    return this.registry.authConfig();
  }

  /**
   * Pushes a local tag to the registry (as "<registry>/<tag>"), then drops that second name locally: the build
   * engine's images keep the names they have on Docker (an image id with two names can't be removed by id).
   */
  async push(tag: string, onLog?: (line: string) => void): Promise<void> {
    const remote = this.registry.imageRef(tag);
    await pushImage(this.build, tag, remote, this.auth, onLog);
    await images.removeImage(this.build, remote);
  }

  /**
   * The reference a service runs `ref` by: the registry's, pinned to the manifest's digest (a tag moved later, by
   * a rebuild, never changes what a restarted task runs). An image the registry lacks but the build engine has
   * (built before Swarm was turned on) is pushed first; one neither has is an ImageMissingError, as on Docker.
   */
  async serviceImage(ref: string): Promise<string> {
    const tag = isImageId(ref) ? await this.tagOf(ref) : ref;
    let digest = await this.registry.manifestDigest(tag);
    if (!digest && (await images.imageExists(this.build, tag))) {
      await this.push(tag);
      digest = await this.registry.manifestDigest(tag);
    }
    if (!digest)
      throw new ImageMissingError(`No such image: ${ref} (not in the registry, nor on the build engine)`, ref);
    return `${this.registry.imageRef(splitImageName(tag).repository)}@${digest}`;
  }

  /**
   * Removes an image from the build engine, then its tags from the registry (an id: every tag it had). Its names
   * of the registry's (a digest the push or a task's pull left) go first: by id, the engine refuses an image named
   * in two repositories. The registry keeps a manifest another tag still names (RegistryClient.deleteTag).
   */
  async remove(ref: string): Promise<void> {
    const names = await this.namesOf(ref);
    for (const name of names.filter((n) => this.isRegistrys(n))) await images.removeImage(this.build, name);
    await images.removeImage(this.build, ref);
    const tags = isImageId(ref) ? names.filter((n) => !this.isRegistrys(n) && !n.includes("@")) : [ref];
    for (const tag of tags) await this.registry.deleteTag(tag);
  }

  /** The first of an image's local tags (sorted, so always the same one); each was pushed when it was made. */
  private async tagOf(id: string): Promise<string> {
    const tag = (await this.namesOf(id)).filter((n) => !this.isRegistrys(n) && !n.includes("@")).sort()[0];
    if (!tag) throw new ImageMissingError(`No such image: ${id} (no tag of it on the build engine to pull it by)`, id);
    return tag;
  }

  private isRegistrys(name: string): boolean {
    return name.startsWith(`${this.registry.address}/`);
  }

  /** Every name of an image on the build engine: its tags and digests (none when there is no such image). */
  private namesOf(ref: string): Promise<string[]> {
    return engineCall(
      `inspect image ${ref}`,
      async () => {
        const image = await this.build.getImage(ref).inspect();
        return [...(image.RepoTags ?? []), ...(image.RepoDigests ?? [])].filter((n) => !n.startsWith("<none>"));
      },
      { notFound: () => [] },
    );
  }
}
