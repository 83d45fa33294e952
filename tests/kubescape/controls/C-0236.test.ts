import { describe, expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0236-verify-image-signature.ts";
import { failedPaths, pod, run } from "./upperRangeKit.ts";

describe("C-0236 verify image signature", () => {
  test("lists every container image as unverified", () => {
    expect(failedPaths(run(control, [pod("p", { containers: [{ name: "a", image: "x" }, { name: "b", image: "y" }] })]).failed.get("Pod/p"))).toEqual(["spec.containers[0].image", "spec.containers[1].image"]);
  });
  test("a pod with no containers has nothing to verify", () => {
    expect(run(control, [pod("p", { containers: [] })]).passed.has("Pod/p")).toBe(true);
  });
});
