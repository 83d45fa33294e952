import { describe, expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0299-dangling-network-policy.ts";
import { deployment, failedPaths, run } from "./upperRangeKit.ts";

const np = (podSelector: unknown) => ({ apiVersion: "networking.k8s.io/v1", kind: "NetworkPolicy", metadata: { name: "np", namespace: "apps" }, spec: { podSelector } });
describe("C-0299 dangling network policy", () => {
  test("fails a selector matching no workload", () => {
    expect(failedPaths(run(control, [deployment("web", { containers: [] }), np({ matchLabels: { app: "db" } })]).failed.get("NetworkPolicy/np"))).toEqual(["spec.podSelector"]);
  });
  test("passes a matching selector and ignores the empty one", () => {
    expect(run(control, [deployment("web", { containers: [] }), np({ matchLabels: { app: "web" } })]).passed.has("NetworkPolicy/np")).toBe(true);
    const empty = run(control, [np({})]);
    expect(empty.failed.size + empty.passed.size).toBe(0);
  });
});
