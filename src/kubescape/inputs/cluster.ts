import type { KubeConfig } from "../../common/kube.ts";
import type { Logger } from "../../common/log.ts";
import type { K8sObject } from "../types.ts";

/** A kind the controls read: its list path and whether it lives in namespaces. */
export interface ListedKind {
  kind: string;
  apiVersion: string;
  plural: string;
  namespaced: boolean;
  /** CRDs and optional APIs: a 404 just means "not installed". */
  optional?: boolean;
}

/** Every Kubernetes kind any control reads (reference inputKinds), with its REST plural. */
export const CLUSTER_KINDS: readonly ListedKind[] = [
  { kind: "Namespace", apiVersion: "v1", plural: "namespaces", namespaced: false },
  { kind: "Node", apiVersion: "v1", plural: "nodes", namespaced: false },
  { kind: "Pod", apiVersion: "v1", plural: "pods", namespaced: true },
  { kind: "Service", apiVersion: "v1", plural: "services", namespaced: true },
  { kind: "ServiceAccount", apiVersion: "v1", plural: "serviceaccounts", namespaced: true },
  { kind: "ConfigMap", apiVersion: "v1", plural: "configmaps", namespaced: true },
  { kind: "Secret", apiVersion: "v1", plural: "secrets", namespaced: true },
  { kind: "Endpoints", apiVersion: "v1", plural: "endpoints", namespaced: true },
  { kind: "PersistentVolume", apiVersion: "v1", plural: "persistentvolumes", namespaced: false },
  { kind: "PersistentVolumeClaim", apiVersion: "v1", plural: "persistentvolumeclaims", namespaced: true },
  { kind: "PodTemplate", apiVersion: "v1", plural: "podtemplates", namespaced: true },
  { kind: "ReplicationController", apiVersion: "v1", plural: "replicationcontrollers", namespaced: true },
  { kind: "Deployment", apiVersion: "apps/v1", plural: "deployments", namespaced: true },
  { kind: "ReplicaSet", apiVersion: "apps/v1", plural: "replicasets", namespaced: true },
  { kind: "StatefulSet", apiVersion: "apps/v1", plural: "statefulsets", namespaced: true },
  { kind: "DaemonSet", apiVersion: "apps/v1", plural: "daemonsets", namespaced: true },
  { kind: "Job", apiVersion: "batch/v1", plural: "jobs", namespaced: true },
  { kind: "CronJob", apiVersion: "batch/v1", plural: "cronjobs", namespaced: true },
  { kind: "Role", apiVersion: "rbac.authorization.k8s.io/v1", plural: "roles", namespaced: true },
  { kind: "ClusterRole", apiVersion: "rbac.authorization.k8s.io/v1", plural: "clusterroles", namespaced: false },
  { kind: "RoleBinding", apiVersion: "rbac.authorization.k8s.io/v1", plural: "rolebindings", namespaced: true },
  { kind: "ClusterRoleBinding", apiVersion: "rbac.authorization.k8s.io/v1", plural: "clusterrolebindings", namespaced: false },
  { kind: "NetworkPolicy", apiVersion: "networking.k8s.io/v1", plural: "networkpolicies", namespaced: true },
  { kind: "Ingress", apiVersion: "networking.k8s.io/v1", plural: "ingresses", namespaced: true },
  { kind: "MutatingWebhookConfiguration", apiVersion: "admissionregistration.k8s.io/v1", plural: "mutatingwebhookconfigurations", namespaced: false },
  { kind: "ValidatingWebhookConfiguration", apiVersion: "admissionregistration.k8s.io/v1", plural: "validatingwebhookconfigurations", namespaced: false },
  { kind: "APIService", apiVersion: "apiregistration.k8s.io/v1", plural: "apiservices", namespaced: false },
  { kind: "HorizontalPodAutoscaler", apiVersion: "autoscaling/v2", plural: "horizontalpodautoscalers", namespaced: true },
  { kind: "PodDisruptionBudget", apiVersion: "policy/v1", plural: "poddisruptionbudgets", namespaced: true },
  { kind: "Lease", apiVersion: "coordination.k8s.io/v1", plural: "leases", namespaced: true },
  { kind: "EndpointSlice", apiVersion: "discovery.k8s.io/v1", plural: "endpointslices", namespaced: true },
  { kind: "StorageClass", apiVersion: "storage.k8s.io/v1", plural: "storageclasses", namespaced: false },
  { kind: "CSIStorageCapacity", apiVersion: "storage.k8s.io/v1", plural: "csistoragecapacities", namespaced: true },
  { kind: "CiliumNetworkPolicy", apiVersion: "cilium.io/v2", plural: "ciliumnetworkpolicies", namespaced: true, optional: true },
  { kind: "CiliumClusterwideNetworkPolicy", apiVersion: "cilium.io/v2", plural: "ciliumclusterwidenetworkpolicies", namespaced: false, optional: true },
  { kind: "Gateway", apiVersion: "networking.istio.io/v1", plural: "gateways", namespaced: true, optional: true },
  { kind: "VirtualService", apiVersion: "networking.istio.io/v1", plural: "virtualservices", namespaced: true, optional: true },
  { kind: "HTTPRoute", apiVersion: "gateway.networking.k8s.io/v1", plural: "httproutes", namespaced: true, optional: true },
  { kind: "TCPRoute", apiVersion: "gateway.networking.k8s.io/v1alpha2", plural: "tcproutes", namespaced: true, optional: true },
  { kind: "UDPRoute", apiVersion: "gateway.networking.k8s.io/v1alpha2", plural: "udproutes", namespaced: true, optional: true },
];

export interface NamespaceFilter {
  include?: readonly string[];
  exclude?: readonly string[];
}

/** Pure: keeps cluster-scoped objects, and namespaced ones the filter allows (Namespace objects by name). */
export function namespaceAllowed(obj: K8sObject, filter: NamespaceFilter): boolean {
  const ns = obj.kind === "Namespace" ? obj.metadata.name : obj.metadata.namespace;
  if (!ns) return true;
  if (filter.include && filter.include.length > 0 && !filter.include.includes(ns)) return false;
  if (filter.exclude?.includes(ns)) return false;
  return true;
}

const CONTROLLED_KINDS = new Set(["Pod", "ReplicaSet", "Job"]);

/**
 * Pure: drops Pods/ReplicaSets/Jobs that a controller owns (their owner's template is what is
 * scanned, as kubescape does), and blanks Secret values (controls read metadata and keys only).
 */
export function prepareClusterObject(obj: K8sObject): K8sObject | undefined {
  if (CONTROLLED_KINDS.has(obj.kind) && obj.metadata.ownerReferences?.some((o) => o.controller)) return undefined;
  if (obj.kind === "Secret") {
    const data = obj.data as Record<string, string> | undefined;
    const stringData = obj.stringData as Record<string, string> | undefined;
    const blank = (m?: Record<string, string>) => (m ? Object.fromEntries(Object.keys(m).map((k) => [k, ""])) : undefined);
    return { ...obj, data: blank(data), stringData: blank(stringData) };
  }
  if (obj.metadata.managedFields) {
    const { managedFields: _m, ...metadata } = obj.metadata;
    return { ...obj, metadata: metadata as K8sObject["metadata"] };
  }
  return obj;
}

function listPath(k: ListedKind, namespace?: string): string {
  const base = k.apiVersion.includes("/") ? `/apis/${k.apiVersion}` : `/api/${k.apiVersion}`;
  return namespace ? `${base}/namespaces/${encodeURIComponent(namespace)}/${k.plural}` : `${base}/${k.plural}`;
}

export interface ClusterSnapshotOptions {
  filter?: NamespaceFilter;
  pageSize?: number;
  logger?: Logger;
  kinds?: readonly ListedKind[];
}

/**
 * Lists every kind the controls read, page by page (limit/continue), with the namespace
 * filter applied. With include-namespaces, namespaced kinds are listed per namespace so RBAC
 * limited to those namespaces is enough.
 */
export async function listClusterObjects(kc: KubeConfig, options: ClusterSnapshotOptions = {}): Promise<K8sObject[]> {
  const filter = options.filter ?? {};
  const out: K8sObject[] = [];
  const include = filter.include?.filter(Boolean) ?? [];
  for (const k of options.kinds ?? CLUSTER_KINDS) {
    const scopes = k.namespaced && include.length > 0 ? include : [undefined];
    for (const ns of scopes) {
      let cont = "";
      do {
        const q = new URLSearchParams({ limit: String(options.pageSize ?? 500) });
        if (cont) q.set("continue", cont);
        const res = await kc.fetch(`${listPath(k, ns)}?${q}`);
        if (res.status === 404 || (res.status === 403 && k.optional)) {
          await res.body?.cancel();
          break;
        }
        if (res.status === 403) {
          options.logger?.warn({ kind: k.kind, namespace: ns }, "not allowed to list; controls reading it will see none");
          await res.body?.cancel();
          break;
        }
        if (!res.ok) throw new Error(`listing ${k.kind} answered ${res.status}: ${(await res.text()).slice(0, 200)}`);
        const list = (await res.json()) as { items?: K8sObject[]; metadata?: { continue?: string } };
        for (const item of list.items ?? []) {
          const obj = { apiVersion: k.apiVersion, kind: k.kind, ...(item as Record<string, unknown>) } as K8sObject;
          obj.apiVersion = k.apiVersion;
          obj.kind = k.kind;
          if (!namespaceAllowed(obj, filter)) continue;
          const prepared = prepareClusterObject(obj);
          if (prepared) out.push(prepared);
        }
        cont = list.metadata?.continue ?? "";
      } while (cont);
    }
  }
  return out;
}
