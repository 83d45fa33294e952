/**
 * The sample workloads of examples/: applied to a cluster, with images from a local registry.
 * The project's local control plane has no controllers and no kubelet, so for it the
 * Deployment → ReplicaSet → Pod chain and the Pods' "Running" status are written here, as the
 * controllers and the kubelet would write them (said so in `just up` and the e2e suite).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseAllDocuments } from "yaml";
import { type KubeConfig, k8s, isApiStatus } from "../../src/common/kube.ts";

export const EXAMPLES_DIR = resolve(import.meta.dir, "../../examples");

/** The sample manifests with `{{REGISTRY}}` replaced. */
export function exampleObjects(registry: string): k8s.KubernetesObject[] {
  const out: k8s.KubernetesObject[] = [];
  for (const file of readdirSync(EXAMPLES_DIR).filter((f) => f.endsWith(".yaml")).sort()) {
    const text = readFileSync(join(EXAMPLES_DIR, file), "utf8").replaceAll("{{REGISTRY}}", registry);
    for (const doc of parseAllDocuments(text)) {
      const obj = doc.toJSON() as k8s.KubernetesObject | null;
      if (obj?.kind) out.push(obj);
    }
  }
  // Namespaces first.
  return out.sort((a, b) => Number(b.kind === "Namespace") - Number(a.kind === "Namespace"));
}

/** Images the samples use, as `repository:tag` below the registry. */
export function exampleImages(registry: string): string[] {
  const images = new Set<string>();
  for (const obj of exampleObjects(registry)) {
    const spec = (obj as { spec?: { template?: { spec?: { containers?: Array<{ image: string }> } } } }).spec?.template?.spec;
    for (const c of spec?.containers ?? []) images.add(c.image.slice(registry.length + 1));
  }
  return [...images];
}

/** Creates (or leaves in place) every sample object. */
export async function applyExamples(kc: KubeConfig, registry: string): Promise<k8s.KubernetesObject[]> {
  const client = k8s.KubernetesObjectApi.makeApiClient(kc);
  const objects = exampleObjects(registry);
  for (const obj of objects) {
    try {
      await client.create(obj);
    } catch (err) {
      if (!isApiStatus(err, 409)) throw err;
    }
  }
  return objects;
}

/**
 * For a cluster without controllers/kubelet: one ReplicaSet and its Pods per sample Deployment,
 * with owner references and a Running status whose container statuses name the image digest.
 */
export async function simulateRunningPods(kc: KubeConfig, digests: Record<string, string>): Promise<number> {
  const apps = kc.makeApiClient(k8s.AppsV1Api);
  const core = kc.makeApiClient(k8s.CoreV1Api);
  let pods = 0;
  for (const obj of exampleObjects("")) {
    if (obj.kind !== "Deployment") continue;
    const ns = obj.metadata!.namespace!;
    const name = obj.metadata!.name!;
    const deployment = await apps.readNamespacedDeployment({ name, namespace: ns });
    const template = deployment.spec!.template;
    // As the Deployment controller names and labels them (the operator reads pod-template-hash).
    const hash = "7d4b9c8f5";
    const rsName = `${name}-${hash}`;
    const labels = { ...template.metadata?.labels, "pod-template-hash": hash };
    let rs: k8s.V1ReplicaSet;
    try {
      rs = await apps.createNamespacedReplicaSet({
        namespace: ns,
        body: {
          metadata: { name: rsName, labels, ownerReferences: [{ apiVersion: "apps/v1", kind: "Deployment", name, uid: deployment.metadata!.uid!, controller: true }] },
          spec: { replicas: deployment.spec!.replicas ?? 1, selector: deployment.spec!.selector, template: { ...template, metadata: { ...template.metadata, labels } } },
        },
      });
    } catch (err) {
      if (!isApiStatus(err, 409)) throw err;
      rs = await apps.readNamespacedReplicaSet({ name: rsName, namespace: ns });
    }
    for (let i = 0; i < (deployment.spec!.replicas ?? 1); i++) {
      const podName = `${rsName}-${["x7k2p", "m4q9z", "c8v3n"][i % 3]}`;
      try {
        await core.createNamespacedPod({
          namespace: ns,
          body: { metadata: { name: podName, labels, ownerReferences: [{ apiVersion: "apps/v1", kind: "ReplicaSet", name: rsName, uid: rs.metadata!.uid!, controller: true }] }, spec: { ...template.spec!, nodeName: "local-node" } },
        });
      } catch (err) {
        if (!isApiStatus(err, 409)) throw err;
      }
      const pod = await core.readNamespacedPod({ name: podName, namespace: ns });
      const now = new Date();
      pod.status = {
        phase: "Running",
        podIP: "10.244.0.10",
        hostIP: "10.0.0.1",
        startTime: now,
        conditions: [{ type: "Ready", status: "True", lastTransitionTime: now }],
        containerStatuses: pod.spec!.containers.map((c) => ({
          name: c.name,
          image: c.image!,
          imageID: digests[c.image!] ? `${c.image!.replace(/:[^:/]+$/, "")}@${digests[c.image!]}` : "",
          ready: true,
          restartCount: 0,
          started: true,
          state: { running: { startedAt: now } },
        })),
      };
      await core.replaceNamespacedPodStatus({ name: podName, namespace: ns, body: pod });
      pods++;
    }
  }
  return pods;
}
