import { describe, expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0260-missing-network-policy.ts";
import { deployment, pod, run } from "./upperRangeKit.ts";

const np = (podSelector: unknown, ns = "apps") => ({ apiVersion: "networking.k8s.io/v1", kind: "NetworkPolicy", metadata: { name: "np", namespace: ns }, spec: { podSelector } });
describe("C-0260 missing network policy", () => {
  test("fails workloads no policy selects", () => {
    const out = run(control, [deployment("web", { containers: [] }), np({ matchLabels: { app: "db" } }), np({}, "other")]);
    expect(out.failed.get("Deployment/web")).toEqual([]);
  });
  test("passes with a matching or namespace-wide policy", () => {
    expect(run(control, [deployment("web", { containers: [] }), np({ matchLabels: { app: "web" } })]).passed.has("Deployment/web")).toBe(true);
    expect(run(control, [pod("p", { containers: [] }), np({})]).passed.has("Pod/p")).toBe(true);
  });
});
