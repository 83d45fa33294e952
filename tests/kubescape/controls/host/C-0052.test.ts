import { describe, expect, test } from "bun:test";
import { control } from "../../../../src/kubescape/controls/C-0052-instance-metadata-api.ts";
import { envelope, evaluate, statuses } from "./fixtures.ts";

describe("C-0052 Instance Metadata API", () => {
  test("node that reaches the metadata API fails; one that cannot passes", () => {
    const out = evaluate(control, [envelope("CloudProviderInfo", { providerMetaDataAPIAccess: true }, "a"), envelope("CloudProviderInfo", { providerMetaDataAPIAccess: false }, "b")]);
    expect(out.map((o) => [o.name, o.status])).toEqual([["a", "failed"], ["b", "passed"]]);
    expect(out[0]?.paths[0]?.failedPath).toBe("data.providerMetaDataAPIAccess");
  });
  test("no cloud provider data → nothing evaluated", () => {
    expect(statuses(control, [envelope("KubeletInfo", { cmdLine: "kubelet" })])).toEqual([]);
  });
});
