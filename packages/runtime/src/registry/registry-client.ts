import { createHash, randomUUID } from "node:crypto";
import { RuntimeRequestError } from "../errors.ts";
import type { RegistrySettings } from "../select.ts";
import { isDigest, isImageId, splitImageName } from "./reference.ts";
import { RegistryHttp, type RegistryAuth } from "./registry-http.ts";

export type { RegistryAuth } from "./registry-http.ts";

const OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
/** Every manifest kind an engine pushes: a tag's digest must be the one of the manifest stored, whatever its kind. */
const MANIFEST_TYPES = [
  "application/vnd.docker.distribution.manifest.v2+json",
  OCI_MANIFEST,
  "application/vnd.docker.distribution.manifest.list.v2+json",
  "application/vnd.oci.image.index.v1+json",
].join(", ");

/**
 * Pier's client of the registry the built images are pushed to and every node pulls from (Registry HTTP API v2,
 * as Debian's docker-registry, Docker's `registry` image, Harbor, GitLab's or a cloud's registry speak it): where
 * an image of Pier's is found there, the credentials the engines use, and the tags retention removes. Pier's own
 * tags ("pier/web:3f2a9c1b2d4e") are the registry's repositories and tags under its address.
 */
export class RegistryClient {
  private readonly http: RegistryHttp;

  constructor(settings: RegistrySettings, timeoutMs?: number) {
    this.http = new RegistryHttp(settings, timeoutMs);
  }

  /** "host[:port][/path]", as configured. */
  get address(): string {
    return this.http.address;
  }

  /** Where the engines find Pier's image `tag` ("pier/web:3f2a9c1b2d4e"): "<address>/pier/web:3f2a9c1b2d4e". */
  imageRef(tag: string): string {
    return `${this.http.address}/${tag}`;
  }

  /** The credentials for the engines' pushes and pulls (dockerode's authconfig), or undefined when none are set. */
  authConfig(): RegistryAuth | undefined {
    return this.http.authConfig();
  }

  /** Answers when the registry does, with these credentials; throws the runtime's errors otherwise. */
  async ping(): Promise<void> {
    const what = "answer GET /v2/";
    const response = await this.http.send({ method: "GET", path: "/v2/", scope: null, what });
    if (!response.ok) throw await this.http.refusal(response, what);
    await response.body?.cancel();
  }

  /** The tags of one of Pier's repositories ("pier/web"); none when the repository doesn't exist (yet). */
  async listTags(repository: string): Promise<string[]> {
    const name = this.repositoryName(repository);
    const what = `list the tags of ${name}`;
    const tags: string[] = [];
    let path: string | null = `/v2/${name}/tags/list`;
    while (path) {
      const response = await this.http.send({ method: "GET", path, scope: `repository:${name}:pull`, what });
      if (response.status === 404) {
        await response.body?.cancel();
        return tags;
      }
      if (!response.ok) throw await this.http.refusal(response, what);
      const body = (await response.json()) as { tags?: string[] | null };
      tags.push(...(body.tags ?? []));
      path = nextPage(response.headers.get("link"));
    }
    return tags;
  }

  /** The digest of the manifest a tag of Pier's names ("pier/web:3f2a9c1b2d4e"), or null when there is no such tag. */
  async manifestDigest(tag: string): Promise<string | null> {
    const { repository, reference } = splitImageName(tag);
    const name = this.repositoryName(repository);
    const what = `find the manifest of ${name}:${reference}`;
    const response = await this.http.send({
      method: "HEAD",
      path: `/v2/${name}/manifests/${reference}`,
      accept: MANIFEST_TYPES,
      scope: `repository:${name}:pull`,
      what,
    });
    if (response.status === 404) return null;
    if (!response.ok) throw await this.http.refusal(response, what);
    const digest = response.headers.get("docker-content-digest");
    if (!digest)
      throw new RuntimeRequestError(`Registry ${this.address} did not ${what}: no Docker-Content-Digest`, 200);
    return digest;
  }

  /**
   * Removes a tag of Pier's ("pier/web:3f2a9c1b2d4e") from the registry. API v2 deletes manifests, by digest, with
   * every tag that names them: a manifest only this tag names is deleted; one another tag of the repository names
   * too (the app's image and its build stage, say) stays, and this tag is first pointed at a tiny placeholder
   * manifest of its own, deleted instead. True when the tag was there; false when it wasn't (or `tag` is a local
   * image id, which names nothing in a registry). The layers stay until the registry's garbage collection
   * (`docker-registry garbage-collect`) frees what no manifest uses.
   */
  async deleteTag(tag: string): Promise<boolean> {
    if (isImageId(tag)) return false;
    const { repository, reference } = splitImageName(tag);
    const name = this.repositoryName(repository);
    if (isDigest(reference)) return this.deleteManifest(name, reference, `delete ${name}@${reference}`);
    const digest = await this.manifestDigest(tag);
    if (!digest) return false;
    const what = `delete ${name}:${reference} (manifest ${digest})`;
    if (await this.namedByAnotherTag(repository, reference, digest)) {
      const placeholder = await this.pointAtPlaceholder(name, reference);
      return this.deleteManifest(name, placeholder, `${what}: its placeholder ${placeholder}`);
    }
    return this.deleteManifest(name, digest, what);
  }

  private async deleteManifest(name: string, digest: string, what: string): Promise<boolean> {
    const response = await this.http.send({
      method: "DELETE",
      path: `/v2/${name}/manifests/${digest}`,
      scope: `repository:${name}:delete`,
      what,
    });
    if (response.status === 404) {
      await response.body?.cancel();
      return false;
    }
    if (response.status === 405) {
      await response.body?.cancel();
      throw new RuntimeRequestError(
        `Registry ${this.address} refused to ${what}: deleting is turned off there (storage.delete.enabled: true ` +
          "in its configuration turns it on)",
        405,
      );
    }
    if (!response.ok) throw await this.http.refusal(response, what);
    await response.body?.cancel();
    return true;
  }

  private async namedByAnotherTag(repository: string, reference: string, digest: string): Promise<boolean> {
    for (const other of await this.listTags(repository)) {
      if (other !== reference && (await this.manifestDigest(`${repository}:${other}`)) === digest) return true;
    }
    return false;
  }

  /**
   * Points `reference` at a manifest no other tag names (an empty image with a config unique to it), as tools
   * without a tag-delete endpoint untag: deleting it then removes only that tag. Returns its digest.
   */
  private async pointAtPlaceholder(name: string, reference: string): Promise<string> {
    const what = `point ${name}:${reference} at a placeholder before deleting it`;
    const scope = `repository:${name}:pull,push`;
    const config = JSON.stringify({
      architecture: "amd64",
      os: "linux",
      rootfs: { type: "layers", diff_ids: [] },
      config: { Labels: { "pier.placeholder": randomUUID() } },
    });
    const configDigest = sha256(config);
    const started = await this.http.send({ method: "POST", path: `/v2/${name}/blobs/uploads/`, scope, what });
    const location = started.headers.get("location");
    if (started.status !== 202 || !location) throw await this.http.refusal(started, what);
    await started.body?.cancel();
    const uploaded = await this.http.send({
      method: "PUT",
      path: `${location}${location.includes("?") ? "&" : "?"}digest=${encodeURIComponent(configDigest)}`,
      contentType: "application/octet-stream",
      body: config,
      scope,
      what,
    });
    if (uploaded.status !== 201) throw await this.http.refusal(uploaded, what);
    await uploaded.body?.cancel();
    const manifest = JSON.stringify({
      schemaVersion: 2,
      mediaType: OCI_MANIFEST,
      config: { mediaType: "application/vnd.oci.image.config.v1+json", digest: configDigest, size: config.length },
      layers: [],
    });
    const put = await this.http.send({
      method: "PUT",
      path: `/v2/${name}/manifests/${reference}`,
      contentType: OCI_MANIFEST,
      body: manifest,
      scope,
      what,
    });
    if (put.status !== 201) throw await this.http.refusal(put, what);
    await put.body?.cancel();
    return put.headers.get("docker-content-digest") ?? sha256(manifest);
  }

  /** The repository's name in the registry: under the address's path, if it has one. */
  private repositoryName(repository: string): string {
    return this.http.path ? `${this.http.path}/${repository}` : repository;
  }
}

function sha256(text: string): string {
  return `sha256:${createHash("sha256").update(text).digest("hex")}`;
}

/** The next page of a paginated list (RFC 5988 Link header, rel="next"), as a path on the registry. */
function nextPage(link: string | null): string | null {
  const target = link ? /<([^>]+)>\s*;\s*rel="?next"?/.exec(link)?.[1] : undefined;
  if (!target) return null;
  const url = new URL(target, "http://registry.invalid");
  return `${url.pathname}${url.search}`;
}
