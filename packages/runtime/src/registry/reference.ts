/** A registry address ("host[:port][/path]") split into where it answers and the path its repositories start with. */
export interface RegistryAddress {
  /** "registry.example.com", "10.216.0.1:5000" */
  host: string;
  /** "" or "team/ci": the repositories of this registry's images are "<path>/<repository>". */
  path: string;
}

export function parseRegistryAddress(address: string): RegistryAddress {
  const trimmed = address.replace(/^[a-z]+:\/\//i, "").replace(/\/+$/, "");
  const slash = trimmed.indexOf("/");
  return slash < 0 ? { host: trimmed, path: "" } : { host: trimmed.slice(0, slash), path: trimmed.slice(slash + 1) };
}

/** An image reference of Pier's ("pier/web:3f2a9c1b2d4e", "pier/web@sha256:…") as a repository and a tag or digest. */
export interface ImageName {
  repository: string;
  /** The tag ("3f2a9c1b2d4e", "latest" when none is given), or the digest ("sha256:…"). */
  reference: string;
}

export function splitImageName(name: string): ImageName {
  const at = name.indexOf("@");
  if (at >= 0) return { repository: name.slice(0, at), reference: name.slice(at + 1) };
  const slash = name.lastIndexOf("/");
  const colon = name.lastIndexOf(":");
  return colon > slash
    ? { repository: name.slice(0, colon), reference: name.slice(colon + 1) }
    : { repository: name, reference: "latest" };
}

/** A local image id ("sha256:<64 hex>"): names no tag, so nothing in a registry. */
export function isImageId(ref: string): boolean {
  return /^(sha256:)?[0-9a-f]{64}$/.test(ref);
}

export function isDigest(reference: string): boolean {
  return /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-f0-9]{32,}$/i.test(reference);
}
