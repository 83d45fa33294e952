import { describe, expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0237-check-signature-exists.ts";
import { deployment, failedPaths, run } from "./upperRangeKit.ts";

describe("C-0237 signature exists", () => {
  test("reports images (no signature can be found offline)", () => {
    expect(failedPaths(run(control, [deployment("d", { containers: [{ name: "a", image: "nginx" }] })]).failed.get("Deployment/d"))).toEqual(["spec.template.spec.containers[0].image"]);
  });
  test("no containers, nothing reported", () => {
    expect(run(control, [deployment("d", { containers: [] })]).failed.size).toBe(0);
  });
});
