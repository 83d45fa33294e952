import { describe, expect, test } from "bun:test";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import reference from "../../../src/kubescape/reference/controls.json" with { type: "json" };
import { loadControlsInRange } from "./lib/objectFixtures.ts";

interface Ref {
  id: string;
  name: string;
  baseScore: number;
  severity: string;
  frameworks: string[];
  inputKinds?: string[];
  needsHostData?: boolean;
  needsCloudData?: boolean;
  needsImageScan?: boolean;
}

/** Object-based controls below C-0150: no host, cloud or image data, and some Kubernetes input. */
const ELIGIBLE = (reference.controls as Ref[]).filter(
  (c) => c.id < "C-0150" && !c.needsHostData && !c.needsCloudData && !c.needsImageScan && (c.inputKinds?.length ?? 0) > 0,
);
const controls = await loadControlsInRange("C-0001", "C-0149");
const files = readdirSync(join(import.meta.dir, "../../../src/kubescape/controls"));
const tests = readdirSync(import.meta.dir);

describe("object-based controls C-0001..C-0149", () => {
  test("the reference lists 88 of them", () => {
    expect(ELIGIBLE.length).toBe(88);
  });

  for (const ref of ELIGIBLE) {
    test(`${ref.id} has one file, reference metadata, an evaluator and a test`, () => {
      expect(files.filter((f) => f.startsWith(`${ref.id}-`) && f.endsWith(".ts"))).toHaveLength(1);
      const c = controls.get(ref.id);
      expect(c).toBeDefined();
      expect(c!.name).toBe(ref.name);
      expect(c!.baseScore).toBe(ref.baseScore);
      expect(c!.severity as string).toBe(ref.severity);
      expect([...c!.frameworks]).toEqual(ref.frameworks);
      expect(c!.implementation).toBe("implemented");
      expect(c!.description.length).toBeGreaterThan(20);
      expect(c!.remediation.length).toBeGreaterThan(10);
      const n = Number(ref.id.slice(2));
      const covered = tests.some((t) => t.startsWith(`${ref.id}.`)) || (n >= 113 && n <= 149 && tests.includes("C-0113-C-0149-control-plane-flags.test.ts"));
      expect(covered).toBe(true);
    });
  }
});
