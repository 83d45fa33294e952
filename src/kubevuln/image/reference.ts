import { ImageSourceError } from "./limits.ts";

export interface ImageReference {
  /** Host[:port] as used in URLs (Docker Hub → registry-1.docker.io). */
  registry: string;
  repository: string;
  tag?: string;
  digest?: string;
  /** What the user wrote, normalised: registry/repo:tag[@digest]. */
  canonical: string;
}

const DOCKER_HUB = "registry-1.docker.io";

/** Parses "nginx", "nginx:1.25", "reg.io:5000/a/b@sha256:…" the way docker does. */
export function parseReference(input: string): ImageReference {
  const text = input.trim();
  if (!text || /\s/.test(text)) throw new ImageSourceError(`invalid image reference "${input}"`);
  let rest = text;
  let digest: string | undefined;
  const at = rest.indexOf("@");
  if (at !== -1) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!/^[a-z0-9]+:[a-f0-9]{32,}$/.test(digest)) throw new ImageSourceError(`invalid digest in image reference "${input}"`);
  }
  let tag: string | undefined;
  const lastSlash = rest.lastIndexOf("/");
  const colon = rest.lastIndexOf(":");
  if (colon > lastSlash) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!/^[\w][\w.-]{0,127}$/.test(tag)) throw new ImageSourceError(`invalid tag "${tag}" in image reference "${input}"`);
  }
  const slash = rest.indexOf("/");
  const first = slash === -1 ? "" : rest.slice(0, slash);
  let registry: string;
  let repository: string;
  if (first && (first.includes(".") || first.includes(":") || first === "localhost")) {
    registry = first;
    repository = rest.slice(slash + 1);
  } else {
    registry = DOCKER_HUB;
    repository = rest.includes("/") ? rest : `library/${rest}`;
  }
  if (registry === "docker.io" || registry === "index.docker.io") registry = DOCKER_HUB;
  if (!/^[a-z0-9]+(?:[._-]+[a-z0-9]+)*(?:\/[a-z0-9]+(?:[._-]+[a-z0-9]+)*)*$/.test(repository)) {
    throw new ImageSourceError(`invalid repository "${repository}" in image reference "${input}"`);
  }
  if (!tag && !digest) tag = "latest";
  const canonical = `${registry}/${repository}${tag ? `:${tag}` : ""}${digest ? `@${digest}` : ""}`;
  return { registry, repository, tag, digest, canonical };
}

/** The same registry written different ways in credentials: "https://reg.io/v1/", "reg.io". */
export function sameRegistry(serverAddress: string, registry: string): boolean {
  const norm = (s: string) => {
    const host = s.replace(/^[a-z]+:\/\//i, "").replace(/\/.*$/, "").toLowerCase();
    return host === "docker.io" || host === "index.docker.io" || host === "registry.hub.docker.com" ? DOCKER_HUB : host;
  };
  return norm(serverAddress) === norm(registry);
}
