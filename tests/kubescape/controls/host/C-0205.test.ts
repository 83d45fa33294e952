import { describe, expect, test } from "bun:test";
import { control } from "../../../../src/kubescape/controls/C-0205-ensure-that-the-cni-in-use-supports-network-poli.ts";
import { envelope, evaluate } from "./fixtures.ts";

const cni = (names: string[], node: string) => envelope("CNIInfo", { CNIConfigFiles: [], CNINames: names }, node);

describe("C-0205 CNI supports network policies", () => {
  test("Calico (or Canal: Calico+Flannel) passes, Flannel alone fails", () => {
    const out = evaluate(control, [cni(["Calico"], "a"), cni(["Calico", "Flannel"], "b"), cni(["Flannel"], "c")]);
    expect(out.map((o) => [o.name, o.status])).toEqual([["a", "passed"], ["b", "passed"], ["c", "failed"]]);
  });
  test("no CNI detected → not evaluated", () => {
    expect(evaluate(control, [cni([], "d")])).toEqual([]);
  });
});
