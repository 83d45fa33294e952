/**
 * Kubescape resource ids look like `<group>/<version>/<namespace>/<Kind>/<name>` (group may be
 * empty: `/v1/default/Pod/web`); cluster-scoped objects have an empty namespace.
 */
export function splitResourceId(id: string): { kind: string; namespace: string; name: string } {
  const parts = id.split("/");
  if (parts.length < 3) return { kind: "", namespace: "", name: id };
  const name = parts[parts.length - 1] ?? "";
  const kind = parts[parts.length - 2] ?? "";
  const namespace = parts.length >= 5 ? (parts[parts.length - 3] ?? "") : "";
  return { kind, namespace, name };
}
