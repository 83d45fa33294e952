import { describe, expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0260-missing-network-policy.ts";
import { deployment, pod, run } from "./upperRangeKit.ts";

const np = (podSelector: unknown, ns = "apps") => ({ apiVersion: "networking.k8s.io/v1", kind: "NetworkPolicy", metadata: { name: "np", namespace: ns }, spec: { podSelector } });
describe("C-0260 missing network policy", () => {
  test("fails workloads no policy selects", () => {
    const out = run(control, [deployment("web", { containers: [] }), np({ matchLabels: { app: "db" } }), np({}, "other")]);
    expect(out.failed.get("Deployment/web")).toEqual([]);
  });
  test("Cilium selectors: matchExpressions are honoured, specs[] lists count, cluster-wide policies apply everywhere", () => {
    const cnp = (spec: Record<string, unknown>, kind = "CiliumNetworkPolicy") => ({ apiVersion: "cilium.io/v2", kind, metadata: { name: "c", ...(kind === "CiliumNetworkPolicy" ? { namespace: "apps" } : {}) }, ...spec });
    const selective = cnp({ spec: { endpointSelector: { matchLabels: {}, matchExpressions: [{ key: "role", operator: "In", values: ["frontend"] }] } } });
    expect(run(control, [pod("p", { containers: [] }), selective]).failed.has("Pod/p")).toBe(true);
    expect(run(control, [pod("p", { containers: [] }), cnp({ specs: [{ endpointSelector: { matchLabels: { app: "p" } } }] })]).passed.has("Pod/p")).toBe(true);
    expect(run(control, [deployment("web", { containers: [] }), cnp({ spec: { endpointSelector: {} } }, "CiliumClusterwideNetworkPolicy")]).passed.has("Deployment/web")).toBe(true);
  });
  test("passes with a matching or namespace-wide policy", () => {
    expect(run(control, [deployment("web", { containers: [] }), np({ matchLabels: { app: "web" } })]).passed.has("Deployment/web")).toBe(true);
    expect(run(control, [pod("p", { containers: [] }), np({})]).passed.has("Pod/p")).toBe(true);
  });
});
