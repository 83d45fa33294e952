import { describe, expect, test } from "bun:test";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import reference from "../../../src/kubescape/reference/controls.json" with { type: "json" };
import { allControls } from "../../../src/kubescape/controls/index.ts";

interface Ref {
  id: string;
  inputKinds: string[];
  needsHostData: boolean;
  needsCloudData: boolean;
  needsImageScan: boolean;
}

const eligible = (reference.controls as Ref[])
  .filter((c) => c.id >= "C-0150" && !c.needsHostData && !c.needsCloudData && !c.needsImageScan && c.inputKinds.length > 0)
  .map((c) => c.id);
const dir = join(import.meta.dir, "../../../src/kubescape/controls");
const files = readdirSync(dir);

describe("object-based controls C-0150 and above", () => {
  test("the reference lists 102 of them", () => {
    expect(eligible.length).toBe(102);
  });
  test.each(eligible)("%s has a control file, an index entry, an implementation and a test", (id) => {
    const file = files.find((f) => f.startsWith(`${id}-`) && f.endsWith(".ts"));
    expect(file).toBeDefined();
    const control = allControls.find((c) => c.id === id);
    expect(control?.implementation).toBe("implemented");
    expect(typeof control?.evaluate).toBe("function");
    expect(readdirSync(import.meta.dir)).toContain(`${id}.test.ts`);
  });
});
