import { describe, expect, test } from "bun:test";
import { control } from "../../../../src/kubescape/controls/C-0208-consider-external-secret-storage.ts";
import { evaluate } from "./fixtures.ts";
import type { K8sObject } from "../../../../src/kubescape/types.ts";

const deployment = (name: string, volumes: unknown[]) => ({ apiVersion: "apps/v1", kind: "Deployment", metadata: { name, namespace: "app" }, spec: { template: { spec: { containers: [{ name: "c", image: "nginx" }], volumes } } } }) as K8sObject;

describe("C-0208 external secret storage", () => {
  test("a Secrets Store CSI volume passes; plain Secret volumes fail", () => {
    const out = evaluate(control, [
      deployment("csi", [{ name: "s", csi: { driver: "secrets-store.csi.k8s.io", volumeAttributes: { secretProviderClass: "vault" } } }]),
      deployment("plain", [{ name: "s", secret: { secretName: "db" } }]),
    ]);
    expect(out.map((o) => [o.name, o.status])).toEqual([["csi", "passed"], ["plain", "failed"]]);
    expect(out[1]?.paths[0]?.failedPath).toBe("spec.template.spec.volumes[0].csi.volumeAttributes.secretProviderClass");
  });
  test("pods owned by a controller are judged through their owner", () => {
    const pod = { apiVersion: "v1", kind: "Pod", metadata: { name: "p", namespace: "app", ownerReferences: [{ apiVersion: "apps/v1", kind: "ReplicaSet", name: "rs" }] }, spec: { containers: [] } } as K8sObject;
    expect(evaluate(control, [pod])).toEqual([]);
  });
});
