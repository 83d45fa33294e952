import { expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0054-cluster-internal-networking.ts";
import { obj, run } from "./lib/objectFixtures.ts";

test("C-0054: namespaces without any network policy fail; a NetworkPolicy or CiliumNetworkPolicy in the namespace passes it", () => {
  const r = run(control, [
    obj("v1", "Namespace", "open", undefined),
    obj("v1", "Namespace", "guarded", undefined),
    obj("v1", "Namespace", "cilium", undefined),
    obj("networking.k8s.io/v1", "NetworkPolicy", "deny", "guarded", { spec: { podSelector: {} } }),
    obj("cilium.io/v2", "CiliumNetworkPolicy", "deny", "cilium", { spec: {} }),
  ]);
  expect(r.get("Namespace/open")?.status).toBe("failed");
  expect(r.get("Namespace/guarded")?.status).toBe("passed");
  expect(r.get("NetworkPolicy/deny")?.status).toBe("passed");
  expect(r.get("Namespace/cilium")?.status).toBe("passed");
});

test("cluster-wide Cilium policies count only when they select every pod (or just that namespace)", () => {
  const ccnp = (name: string, body: object) => obj("cilium.io/v2", "CiliumClusterwideNetworkPolicy", name, undefined, body);
  const ns = obj("v1", "Namespace", "team", undefined);
  const selective = ccnp("selective", { spec: { endpointSelector: { matchLabels: {}, matchExpressions: [{ key: "role", operator: "In", values: ["frontend"] }] }, ingress: [{}], egress: [{}] } });
  const all = ccnp("all", { specs: [{ endpointSelector: {}, ingress: [{}], egress: [{}] }] });
  const nsOnly = ccnp("ns-only", { spec: { endpointSelector: { matchLabels: { "k8s:io.kubernetes.pod.namespace": "team" } }, egress: [{}] } });
  expect(run(control, [ns, selective]).get("Namespace/team")?.status).toBe("failed");
  expect(run(control, [ns, all]).get("Namespace/team")?.status).toBe("passed");
  expect(run(control, [ns, nsOnly]).get("Namespace/team")?.status).toBe("passed");
});
