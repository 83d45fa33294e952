import type { ControlEvaluation, K8sObject, ResourceIndex, RulePaths } from "../../types.ts";

/**
 * Image-scan controls (C-0083/84/85) read `ImageVulnerabilities` objects (apiVersion
 * armo.vuln.images/v1 or image.vulnscan.com/v1, metadata.name = the image as written in the pod
 * spec, `data[]` = vulnerabilities with `severity` and `categories.isRce`), as kubescape feeds
 * them from its image scans. Without any, the controls have nothing to say and are skipped.
 */
export interface Vulnerability {
  name?: string;
  severity?: string;
  categories?: { isRce?: boolean };
}

export function vulnerabilitiesByImage(index: ResourceIndex): Map<string, Vulnerability[]> {
  const out = new Map<string, Vulnerability[]>();
  for (const v of index.byKind("ImageVulnerabilities")) {
    const data = (v as { data?: unknown }).data;
    if (!Array.isArray(data) || data.length === 0) continue;
    const list = out.get(v.metadata.name) ?? [];
    list.push(...(data as Vulnerability[]));
    out.set(v.metadata.name, list);
  }
  return out;
}

function podContainers(pod: K8sObject): Array<{ image?: unknown }> {
  const containers = (pod.spec as { containers?: unknown } | undefined)?.containers;
  return Array.isArray(containers) ? (containers as Array<{ image?: unknown }>) : [];
}

/** A Service of another type than ClusterIP (a missing type counts as ClusterIP) selecting the pod in its namespace. */
export function exposedExternally(index: ResourceIndex, pod: K8sObject): boolean {
  const ns = pod.metadata.namespace ?? "default";
  const labels = pod.metadata.labels ?? {};
  return index.byKind("Service").some((svc) => {
    if ((svc.metadata.namespace ?? "default") !== ns) return false;
    const spec = svc.spec as { type?: unknown; selector?: Record<string, string> } | undefined;
    if (typeof spec?.type !== "string" || spec.type === "ClusterIP") return false;
    const selector = spec.selector;
    if (!selector || typeof selector !== "object") return false;
    const keys = Object.keys(selector);
    return keys.length > 0 && keys.every((k) => labels[k] === selector[k]);
  });
}

/**
 * Pods whose container images have vulnerability data: failed when `bad(vulns, pod)` holds for
 * a container (path `status.containerStatuses[i].imageID`, the scan result attached as related),
 * passed otherwise. No vulnerability data at all: no results (the engine reports it skipped).
 */
export function evaluateImageVulnerabilities(index: ResourceIndex, bad: (vulns: Vulnerability[], pod: K8sObject) => boolean): ControlEvaluation {
  const byImage = vulnerabilitiesByImage(index);
  if (byImage.size === 0) return { results: [] };
  const scans = new Map(index.byKind("ImageVulnerabilities").map((v) => [v.metadata.name, v]));
  const results: ControlEvaluation["results"] = [];
  for (const pod of index.byKind("Pod")) {
    const paths: RulePaths[] = [];
    const related: K8sObject[] = [];
    podContainers(pod).forEach((c, i) => {
      if (typeof c.image !== "string") return;
      const vulns = byImage.get(c.image);
      if (!vulns || !bad(vulns, pod)) return;
      const path = `status.containerStatuses[${i}].imageID`;
      paths.push({ failedPath: path, reviewPath: path });
      const scan = scans.get(c.image);
      if (scan && !related.includes(scan)) related.push(scan);
    });
    results.push(paths.length > 0 ? { object: pod, status: "failed", paths, related } : { object: pod, status: "passed", paths: [] });
  }
  return { results };
}
