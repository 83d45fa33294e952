import { describe, expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0206-namespaces-have-network-policies.ts";
import { namespace, run } from "./upperRangeKit.ts";

const ccnp = (body: Record<string, unknown>) => ({ apiVersion: "cilium.io/v2", kind: "CiliumClusterwideNetworkPolicy", metadata: { name: "c" }, ...body });
describe("C-0206 namespaces have network policies", () => {
  test("fails namespaces without one, passes those with one", () => {
    const np = { apiVersion: "networking.k8s.io/v1", kind: "NetworkPolicy", metadata: { name: "deny", namespace: "a" }, spec: { podSelector: {} } };
    const cnp = { apiVersion: "cilium.io/v2", kind: "CiliumNetworkPolicy", metadata: { name: "c", namespace: "c" }, spec: { endpointSelector: {} } };
    const out = run(control, [namespace("a"), namespace("b"), namespace("c"), np, cnp]);
    expect([...out.failed.keys()]).toEqual(["Namespace/b"]);
    expect([...out.passed].sort()).toEqual(["Namespace/a", "Namespace/c"]);
  });
  test("a cluster-wide Cilium policy selecting everything covers every namespace; a selective one does not", () => {
    expect(run(control, [namespace("x"), ccnp({ spec: { endpointSelector: { matchLabels: {} } } })]).passed.has("Namespace/x")).toBe(true);
    expect(run(control, [namespace("x"), ccnp({ specs: [{ endpointSelector: {} }] })]).passed.has("Namespace/x")).toBe(true);
    expect(run(control, [namespace("x"), ccnp({ spec: { endpointSelector: { matchLabels: {}, matchExpressions: [{ key: "role", operator: "In", values: ["fe"] }] } } })]).failed.has("Namespace/x")).toBe(true);
  });
});
