import { describe, expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0253-deprecated-k8s-image-registry.ts";
import { failedPaths, pod, run } from "./upperRangeKit.ts";

describe("C-0253 deprecated k8s.gcr.io", () => {
  test("fails kube-system images from k8s.gcr.io", () => {
    const out = run(control, [pod("kp", { containers: [{ name: "a", image: "registry.k8s.io/pause" }, { name: "b", image: "k8s.gcr.io/kube-proxy:v1.20" }] }, { namespace: "kube-system" })]);
    expect(failedPaths(out.failed.get("Pod/kp"))).toEqual(["spec.containers[1].image"]);
  });
  test("passes other namespaces and registries", () => {
    const out = run(control, [pod("a", { containers: [{ name: "a", image: "k8s.gcr.io/x" }] }, { namespace: "apps" })]);
    expect(out.passed.has("Pod/a")).toBe(true);
  });
});
