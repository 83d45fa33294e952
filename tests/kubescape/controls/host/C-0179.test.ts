import { describe, expect, test } from "bun:test";
import { control } from "../../../../src/kubescape/controls/C-0179-ensure-that-the-hostname-override-argument-is-no.ts";
import { evaluate, kubelet } from "./fixtures.ts";

describe("C-0179 --hostname-override", () => {
  test("set fails, absent passes", () => {
    const out = evaluate(control, [kubelet(["--hostname-override=node-a"], undefined, "a"), kubelet(["--node-ip=10.0.0.1"], undefined, "b")]);
    expect(out.map((o) => [o.name, o.status])).toEqual([["a", "failed"], ["b", "passed"]]);
    expect(out[0]?.paths[0]?.failedPath).toBe("data.cmdLine");
  });
});
