import { describe, expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0305-no-rolling-update-strategy.ts";
import { deployment, failedPaths, fixPaths, run } from "./upperRangeKit.ts";

describe("C-0305 rolling update strategy", () => {
  test("fails Recreate", () => {
    const paths = run(control, [deployment("d", { containers: [] }, { spec: { strategy: { type: "Recreate" } } })]).failed.get("Deployment/d");
    expect(failedPaths(paths)).toEqual(["spec.strategy.type"]);
    expect(fixPaths(paths)).toEqual([{ path: "spec.strategy.type", value: "RollingUpdate" }]);
  });
  test("passes RollingUpdate and the unset default", () => {
    const out = run(control, [deployment("a", { containers: [] }), deployment("b", { containers: [] }, { spec: { strategy: { type: "RollingUpdate" } } })]);
    expect([...out.passed].sort()).toEqual(["Deployment/a", "Deployment/b"]);
  });
});
