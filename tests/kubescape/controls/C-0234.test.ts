import { describe, expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0234-consider-external-secret-storage.ts";
import { deployment, failedPaths, run } from "./upperRangeKit.ts";

describe("C-0234 external secret storage", () => {
  test("fails workloads without a secretProviderClass volume", () => {
    expect(failedPaths(run(control, [deployment("d", { containers: [] })]).failed.get("Deployment/d"))).toEqual(["spec.template.spec.volumes[0].csi.volumeAttributes.secretProviderClass"]);
  });
  test("passes with the Secrets Store CSI driver", () => {
    const spec = { containers: [], volumes: [{ name: "s", csi: { driver: "secrets-store.csi.k8s.io", volumeAttributes: { secretProviderClass: "vault" } } }] };
    expect(run(control, [deployment("d", spec)]).passed.has("Deployment/d")).toBe(true);
  });
});
