import { describe, expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0306-images-not-pinned-to-digest.ts";
import { DEFAULT_CONTROL_INPUTS } from "../../../src/kubescape/engine/defaultInputs.ts";
import { failedPaths, pod, run } from "./upperRangeKit.ts";

const D = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
describe("C-0306 images pinned to digest", () => {
  test("fails tags, short digests and unpinned init containers", () => {
    const out = run(control, [pod("p", { initContainers: [{ name: "i", image: "busybox:1.36" }], containers: [{ name: "a", image: `nginx@${D}` }, { name: "b", image: "registry:5000/app@sha256:abc" }] })]);
    expect(failedPaths(out.failed.get("Pod/p"))).toEqual(["spec.containers[1].image", "spec.initContainers[0].image"]);
  });
  test("passes digests (with tag too) and exempt repositories at a boundary", () => {
    const inputs = { ...DEFAULT_CONTROL_INPUTS, imageDigestExemptRepositories: ["internal.example.com/team"] };
    expect(run(control, [pod("p", { containers: [{ name: "a", image: `nginx:1.27@${D}` }, { name: "b", image: "internal.example.com/team/app:1" }] })], inputs).passed.has("Pod/p")).toBe(true);
    expect(run(control, [pod("q", { containers: [{ name: "a", image: "internal.example.com/team-evil/app:1" }] })], inputs).failed.has("Pod/q")).toBe(true);
  });
});
