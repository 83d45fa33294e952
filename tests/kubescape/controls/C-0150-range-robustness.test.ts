import { describe, expect, test } from "bun:test";
import { allControls } from "../../../src/kubescape/controls/index.ts";
import { DEFAULT_CONTROL_INPUTS } from "../../../src/kubescape/engine/defaultInputs.ts";
import { buildResourceIndex } from "../../../src/kubescape/engine/resourceIndex.ts";
import type { K8sObject } from "../../../src/kubescape/types.ts";

/** Objects with missing, null and wrongly typed fields, as hand-written manifests can have. */
const odd = (kind: string, apiVersion: string, body: Record<string, unknown>): K8sObject => ({ apiVersion, kind, metadata: { name: `odd-${kind.toLowerCase()}`, namespace: "x" }, ...body });
const weird: K8sObject[] = [
  odd("Pod", "v1", { spec: { containers: [null, { name: 1, env: "x", resources: null, securityContext: 3, image: 5 }], volumes: [null, { name: "v", secret: null }] } }),
  odd("Pod", "v1", { spec: null }),
  { apiVersion: "v1", kind: "Pod", metadata: { name: "api", namespace: "kube-system" }, spec: { containers: [{ command: "kube-apiserver --x", args: [1, null] }] } },
  { apiVersion: "v1", kind: "Pod", metadata: { name: "etcd", namespace: "kube-system" }, spec: { containers: [{ command: [null] }] } },
  odd("Deployment", "apps/v1", { spec: { template: { spec: { containers: "nope" } }, selector: { matchExpressions: [null] }, strategy: null } }),
  odd("Deployment", "apps/v1", { spec: { template: null } }),
  odd("CronJob", "batch/v1", { spec: { jobTemplate: { spec: null } } }),
  odd("ReplicationController", "v1", { spec: { template: { spec: { containers: [{}] } }, selector: "x" } }),
  odd("ClusterRole", "rbac.authorization.k8s.io/v1", { rules: [null, { verbs: "*", resources: null }], aggregationRule: { clusterRoleSelectors: [null] } }),
  odd("ClusterRoleBinding", "rbac.authorization.k8s.io/v1", { roleRef: null, subjects: [null, { kind: 3 }] }),
  odd("RoleBinding", "rbac.authorization.k8s.io/v1", { roleRef: { kind: "ClusterRole", name: "odd-clusterrole" }, subjects: [{ kind: "User", name: "u" }, null] }),
  odd("Namespace", "v1", {}),
  odd("ValidatingWebhookConfiguration", "admissionregistration.k8s.io/v1", { webhooks: [null, { rules: "x" }] }),
  odd("PodSecurityPolicy", "policy/v1beta1", { spec: null }),
  odd("Service", "v1", { spec: { type: "LoadBalancer", ports: [null], selector: null } }),
  odd("Ingress", "networking.k8s.io/v1", { spec: { rules: [null, { http: { paths: [null] } }], tls: "x" } }),
  odd("NetworkPolicy", "networking.k8s.io/v1", { spec: { podSelector: { matchLabels: null } } }),
  odd("HorizontalPodAutoscaler", "autoscaling/v2", { spec: { scaleTargetRef: { kind: "Deployment" } } }),
  odd("HTTPRoute", "gateway.networking.k8s.io/v1", { spec: { rules: [{ backendRefs: [null, {}] }] } }),
  odd("VirtualService", "networking.istio.io/v1", { spec: { gateways: ["gw"], http: [null, { route: [null] }] } }),
  odd("SandboxTemplate", "extensions.agents.x-k8s.io/v1beta1", { spec: { podTemplate: { spec: { containers: [null, {}] } }, networkPolicy: { egress: [null] } } }),
  odd("ConfigMap", "v1", { data: { x: 3 } }),
  { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "kube-proxy", namespace: "kube-system" }, data: null },
  odd("Node", "v1", { status: null }),
  odd("PersistentVolume", "v1", { spec: { storageClassName: 3 } }),
  odd("ServiceAccount", "v1", { automountServiceAccountToken: "yes" }),
  odd("ServiceScanResult", "kubescape.io/v1", { spec: { ports: "x" } }),
];

const mine = allControls.filter((c) => c.id >= "C-0150" && c.implementation === "implemented");

describe("C-0150+ controls on malformed objects", () => {
  test.each(mine.map((c) => [c.id, c] as const))("%s does not throw and reports only known objects", (_id, control) => {
    const { results } = control.evaluate(buildResourceIndex(weird), DEFAULT_CONTROL_INPUTS);
    for (const r of results) {
      expect(["passed", "failed"]).toContain(r.status);
      expect(Array.isArray(r.paths)).toBe(true);
    }
  });
});
