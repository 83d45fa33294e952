import { describe, expect, test } from "bun:test";
import { control } from "../../../../src/kubescape/controls/C-0230-ensure-network-policy-is-enabled-and-set-as-appr.ts";
import { envelope, evaluate } from "./fixtures.ts";

const cni = (names: string[], node: string) => envelope("CNIInfo", { CNIConfigFiles: [], CNINames: names }, node);

describe("C-0230 network policy engine on EKS", () => {
  test("Calico or Cilium pass; anything else (or nothing) fails", () => {
    const out = evaluate(control, [cni(["Cilium"], "a"), cni(["Calico"], "b"), cni(["WeaveNet"], "c"), cni([], "d")]);
    expect(out.map((o) => [o.name, o.status])).toEqual([["a", "passed"], ["b", "passed"], ["c", "failed"], ["d", "failed"]]);
  });
});
