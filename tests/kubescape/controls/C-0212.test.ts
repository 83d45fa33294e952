import { describe, expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0212-default-namespace-not-used.ts";
import { deployment, failedPaths, fixPaths, run } from "./upperRangeKit.ts";

describe("C-0212 default namespace", () => {
  test("fails objects in default and objects with no namespace", () => {
    const cm = { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "cfg" } };
    const out = run(control, [deployment("d", { containers: [] }, { namespace: "default" }), cm]);
    expect(failedPaths(out.failed.get("Deployment/d"))).toEqual(["metadata.namespace"]);
    expect(fixPaths(out.failed.get("ConfigMap/cfg"))).toEqual([{ path: "metadata.namespace", value: "YOUR_NAMESPACE" }]);
  });
  test("passes other namespaces and ignores cluster-scoped kinds", () => {
    const out = run(control, [deployment("d", { containers: [] }, { namespace: "apps" }), { apiVersion: "v1", kind: "Namespace", metadata: { name: "x" } }]);
    expect(out.passed.has("Deployment/d")).toBe(true);
    expect(out.passed.has("Namespace/x") || out.failed.has("Namespace/x")).toBe(false);
  });
});
