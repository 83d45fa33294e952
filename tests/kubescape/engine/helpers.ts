import { defineControl } from "../../../src/kubescape/controls/define.ts";
import type { Control, K8sObject } from "../../../src/kubescape/types.ts";

/** Small controls for engine tests (real IDs so metadata comes from the reference file). */
export function containers(obj: K8sObject): Array<Record<string, unknown>> {
  const spec = obj.spec as Record<string, any> | undefined;
  const pod = obj.kind === "Pod" ? spec : obj.kind === "CronJob" ? spec?.jobTemplate?.spec?.template?.spec : spec?.template?.spec;
  return (pod?.containers ?? []) as Array<Record<string, unknown>>;
}

export function podPath(obj: K8sObject): string {
  return obj.kind === "Pod" ? "spec" : obj.kind === "CronJob" ? "spec.jobTemplate.spec.template.spec" : "spec.template.spec";
}

export const privilegedControl: Control = defineControl({
  id: "C-0057",
  description: "test: privileged containers",
  remediation: "drop privileged",
  evaluate: (index) => ({
    results: index.workloads().map((w) => {
      const bad = containers(w).findIndex((c) => (c.securityContext as any)?.privileged === true);
      return bad < 0
        ? { object: w, status: "passed" as const, paths: [] }
        : { object: w, status: "failed" as const, paths: [{ failedPath: `${podPath(w)}.containers[${bad}].securityContext.privileged` }] };
    }),
  }),
});

export const hostPidControl: Control = defineControl({
  id: "C-0038",
  description: "test: hostPID/hostIPC",
  remediation: "unset hostPID",
  evaluate: (index) => ({
    results: index.workloads().map((w) => {
      const spec = (w.kind === "Pod" ? w.spec : (w.spec as any)?.template?.spec) as any;
      return spec?.hostPID ? { object: w, status: "failed" as const, paths: [{ deletePath: `${podPath(w)}.hostPID` }] } : { object: w, status: "passed" as const, paths: [] };
    }),
  }),
});

export const hostControl: Control = defineControl({
  id: "C-0069",
  description: "test: kubelet anonymous auth",
  remediation: "disable anonymous auth",
  implementation: "host",
  evaluate: (index) => ({ results: index.byKind("KubeletInfo").map((k) => ({ object: k, status: "failed" as const, paths: [{ failedPath: "cmdLine" }] })) }),
});

export const throwingControl: Control = defineControl({
  id: "C-0017",
  description: "test: throws",
  remediation: "-",
  evaluate: () => {
    throw new Error("boom");
  },
});

export function deployment(name: string, opts: { namespace?: string; privileged?: boolean; replicas?: number; labels?: Record<string, string>; hostPID?: boolean } = {}): K8sObject {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name, namespace: opts.namespace ?? "default", labels: opts.labels ?? { app: name } },
    spec: {
      replicas: opts.replicas ?? 1,
      template: { spec: { hostPID: opts.hostPID ?? false, containers: [{ name: "c", image: "nginx:1.27", securityContext: { privileged: opts.privileged ?? false } }] } },
    },
  };
}

export function daemonSet(name: string, privileged: boolean): K8sObject {
  return {
    apiVersion: "apps/v1",
    kind: "DaemonSet",
    metadata: { name, namespace: "kube-system" },
    spec: { template: { spec: { containers: [{ name: "c", image: "agent:1", securityContext: { privileged } }] } } },
  };
}

export function node(name: string): K8sObject {
  return { apiVersion: "v1", kind: "Node", metadata: { name } };
}
