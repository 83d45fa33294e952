/** Package URL (purl spec): pkg:type/namespace/name@version?qualifiers, each part percent-encoded. */
function enc(s: string): string {
  return encodeURIComponent(s).replace(/%3A/gi, ":");
}

export function purl(type: string, namespace: string | undefined, name: string, version: string | undefined, qualifiers: Record<string, string | undefined> = {}): string {
  const ns = namespace ? `${namespace.split("/").map(enc).join("/")}/` : "";
  const q = Object.entries(qualifiers)
    .filter((e): e is [string, string] => e[1] !== undefined && e[1] !== "")
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([k, v]) => `${k}=${enc(v)}`)
    .join("&");
  return `pkg:${type}/${ns}${enc(name)}${version ? `@${enc(version)}` : ""}${q ? `?${q}` : ""}`;
}
