import { describe, expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0206-namespaces-have-network-policies.ts";
import { namespace, run } from "./upperRangeKit.ts";

describe("C-0206 namespaces have network policies", () => {
  test("fails namespaces without one, passes those with one", () => {
    const np = { apiVersion: "networking.k8s.io/v1", kind: "NetworkPolicy", metadata: { name: "deny", namespace: "a" }, spec: { podSelector: {} } };
    const out = run(control, [namespace("a"), namespace("b"), np]);
    expect([...out.failed.keys()]).toEqual(["Namespace/b"]);
    expect(out.passed.has("Namespace/a")).toBe(true);
  });
});
