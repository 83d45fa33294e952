import { describe, expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0295-duplicate-environment-variable.ts";
import { failedPaths, pod, run } from "./upperRangeKit.ts";

describe("C-0295 duplicate environment variable", () => {
  test("fails the later duplicates", () => {
    const out = run(control, [pod("p", { containers: [{ name: "c", env: [{ name: "A", value: "1" }, { name: "B" }, { name: "A", value: "2" }, { name: "A" }] }] })]);
    expect(failedPaths(out.failed.get("Pod/p"))).toEqual(["spec.containers[0].env[2].name", "spec.containers[0].env[3].name"]);
  });
  test("the same name in two containers is fine", () => {
    expect(run(control, [pod("p", { containers: [{ name: "a", env: [{ name: "A" }] }, { name: "b", env: [{ name: "A" }] }] })]).passed.has("Pod/p")).toBe(true);
  });
});
