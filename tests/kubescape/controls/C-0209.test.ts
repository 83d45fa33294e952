import { describe, expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0209-namespaces-as-boundaries.ts";
import { namespace, run } from "./upperRangeKit.ts";

describe("C-0209 namespaces for review", () => {
  test("lists every namespace for review and nothing else", () => {
    const out = run(control, [namespace("a"), namespace("b"), { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "c", namespace: "a" } }]);
    expect([...out.failed.keys()].sort()).toEqual(["Namespace/a", "Namespace/b"]);
    expect(out.passed.size).toBe(0);
  });
  test("an empty snapshot yields nothing", () => {
    expect(run(control, []).failed.size).toBe(0);
  });
});
