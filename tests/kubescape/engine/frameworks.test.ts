import { describe, expect, test } from "bun:test";
import { allControls } from "../../../src/kubescape/controls/index.ts";
import { frameworkControlIds, frameworkNames, referenceControls } from "../../../src/kubescape/engine/reference.ts";

describe("framework membership", () => {
  test("the 17 reference frameworks with their documented sizes", () => {
    const sizes = Object.fromEntries(frameworkNames().map((n) => [n, frameworkControlIds(n)!.length]));
    expect(sizes).toEqual({
      AllControls: 281, "cis-v1.12.0": 131, "cis-v1.10.0": 129, "cis-aks-t1.8.0": 56, "cis-aks-t1.2.0": 52, "cis-eks-t1.8.0": 49,
      "YAML-scanning": 47, "cis-eks-t1.7.0": 45, ArmoBest: 40, "cis-gke-v1.9.0": 40, security: 37, MITRE: 27, NSA: 26,
      DevOpsBest: 25, ClusterScan: 23, WorkloadScan: 19, SOC2: 7,
    });
  });
  test("every control's frameworks agree with the frameworks' control lists, both ways", () => {
    for (const c of allControls) {
      for (const f of c.frameworks) expect(frameworkControlIds(f)).toContain(c.id);
    }
    for (const name of frameworkNames()) {
      for (const id of frameworkControlIds(name)!) expect(referenceControls().find((r) => r.id === id)?.frameworks).toContain(name);
    }
  });
  test("each control file has a reference ID, and no ID has two files", () => {
    const ids = allControls.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(referenceControls().some((r) => r.id === id)).toBe(true);
  });
  test("skipped kinds match the reference flags", () => {
    for (const c of allControls) {
      const ref = referenceControls().find((r) => r.id === c.id)!;
      if (c.implementation === "cloud") expect(ref.needsCloudData).toBe(true);
      if (c.implementation === "image") expect(ref.needsImageScan).toBe(true);
      if (ref.needsImageScan) expect(c.implementation).toBe("image");
    }
  });
});
