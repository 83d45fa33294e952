import { describe, expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0296-mismatching-selector.ts";
import { deployment, failedPaths, run } from "./upperRangeKit.ts";

describe("C-0296 mismatching selector", () => {
  test("fails matchLabels and matchExpressions that miss the template labels", () => {
    const a = deployment("a", { containers: [] }, { spec: { selector: { matchLabels: { app: "other" } } } });
    const b = deployment("b", { containers: [] }, { spec: { selector: { matchExpressions: [{ key: "tier", operator: "Exists" }] } } });
    const out = run(control, [a, b]);
    expect(failedPaths(out.failed.get("Deployment/a"))).toEqual(["spec.selector.matchLabels"]);
    expect(failedPaths(out.failed.get("Deployment/b"))).toEqual(["spec.selector.matchExpressions"]);
  });
  test("passes a matching selector", () => {
    expect(run(control, [deployment("a", { containers: [] })]).passed.has("Deployment/a")).toBe(true);
  });
});
