/**
 * Docker's normalized image name without tag or digest, as kubescape's image.parse_normalized_name:
 * "nginx:1.25" → "docker.io/library/nginx", "quay.io/a/b@sha256:..." → "quay.io/a/b".
 */
export function normalizedImageName(image: string): string {
  let name = image.trim();
  const at = name.indexOf("@");
  if (at >= 0) name = name.slice(0, at);
  const lastSlash = name.lastIndexOf("/");
  const colon = name.lastIndexOf(":");
  if (colon > lastSlash) name = name.slice(0, colon);
  const first = name.split("/")[0] ?? "";
  const hasRegistry = name.includes("/") && (first.includes(".") || first.includes(":") || first === "localhost");
  if (hasRegistry) return first === "index.docker.io" ? `docker.io/${name.slice(first.length + 1)}` : name;
  return name.includes("/") ? `docker.io/${name}` : `docker.io/library/${name}`;
}

/** The tag of an image reference ("" when there is none). */
export function imageTag(image: string): string {
  const noDigest = image.split("@")[0] ?? "";
  const last = noDigest.split("/").pop() ?? "";
  const colon = last.indexOf(":");
  return colon >= 0 ? last.slice(colon + 1) : "";
}

/** The first x.y.z found in the image reference's tag, as numbers. */
export function imageVersion(image: string): [number, number, number] | undefined {
  const m = /(\d+)\.(\d+)\.(\d+)/.exec(imageTag(image));
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : undefined;
}

/** Compares dotted versions numerically: negative when a < b. */
export function compareVersions(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
