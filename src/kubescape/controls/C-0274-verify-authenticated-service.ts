import type { K8sObject, ResourceResult } from "../types.ts";
import { defineControl } from "./define.ts";
import { servicesIn, serviceSelectsWorkload } from "./lib/wlExposure.ts";
import { workloadViews } from "./lib/wlPodSpec.ts";

interface ScannedPort {
  port?: number;
  authenticated?: boolean;
}

/**
 * Workloads behind a Service whose ports the in-cluster service discovery found to answer without
 * authentication (kubescape.io/v1 ServiceScanResult objects, one per Service). Without scan
 * results in the snapshot nothing is reported.
 */
export const control = defineControl({
  id: "C-0274",
  description: "Services that answer without authentication let anyone in the cluster use the workload behind them.",
  remediation: "Require authentication on the service (or restrict who can reach it with a NetworkPolicy).",
  evaluate: (index) => {
    const scans = [...index.byKind("ServiceScanResult"), ...index.byKind("ServicesScanResult")];
    const unauthenticated = new Map<string, K8sObject>();
    for (const scan of scans) {
      const ports = (scan.spec as { ports?: ScannedPort[] } | undefined)?.ports;
      if (Array.isArray(ports) && ports.some((p) => p?.authenticated === false)) unauthenticated.set(`${scan.metadata.namespace ?? "default"}/${scan.metadata.name}`, scan);
    }
    const results: ResourceResult[] = [];
    if (!scans.length) return { results };
    for (const wl of workloadViews(index)) {
      const related: K8sObject[] = [];
      for (const svc of servicesIn(index, wl.namespace)) {
        const scan = unauthenticated.get(`${wl.namespace}/${svc.metadata.name}`);
        if (scan && serviceSelectsWorkload(svc, wl)) related.push(svc, scan);
      }
      results.push(related.length ? { object: wl.object, status: "failed", paths: [], related } : { object: wl.object, status: "passed", paths: [] });
    }
    return { results };
  },
});
