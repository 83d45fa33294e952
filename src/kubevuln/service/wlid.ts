/** `wlid://cluster-c1/namespace-default/deployment-nginx` → its parts (empty strings when absent). */
export function parseWlid(wlid: string | undefined): { cluster: string; namespace: string; kind: string; name: string } {
  const out = { cluster: "", namespace: "", kind: "", name: "" };
  for (const segment of (wlid ?? "").replace(/^wlid:\/\//, "").split("/")) {
    const dash = segment.indexOf("-");
    if (dash <= 0) continue;
    const key = segment.slice(0, dash);
    const value = segment.slice(dash + 1);
    if (key === "cluster") out.cluster = value;
    else if (key === "namespace") out.namespace = value;
    else if (!out.kind) {
      out.kind = key;
      out.name = value;
    }
  }
  return out;
}
