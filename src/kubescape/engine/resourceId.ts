import type { K8sObject } from "../types.ts";

/**
 * Kubescape's resource ID: `<group>/<version>/<namespace>/<kind>/<name>`, the group empty for the
 * core API (`/v1/default/Pod/web`), the namespace empty for cluster-scoped objects.
 */
export function resourceIdOf(obj: K8sObject): string {
  const apiVersion = typeof obj.apiVersion === "string" ? obj.apiVersion : "";
  const slash = apiVersion.indexOf("/");
  const group = slash >= 0 ? apiVersion.slice(0, slash) : "";
  const version = slash >= 0 ? apiVersion.slice(slash + 1) : apiVersion;
  return `${group}/${version}/${obj.metadata?.namespace ?? ""}/${obj.kind}/${obj.metadata?.name ?? ""}`;
}
