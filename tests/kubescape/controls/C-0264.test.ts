import { describe, expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0264-pv-without-encryption.ts";
import { fixPaths, run } from "./upperRangeKit.ts";

const sc = (name: string, extra: Record<string, unknown>) => ({ apiVersion: "storage.k8s.io/v1", kind: "StorageClass", metadata: { name }, ...extra });
const pv = (name: string, cls: string) => ({ apiVersion: "v1", kind: "PersistentVolume", metadata: { name }, spec: { storageClassName: cls } });
describe("C-0264 PV without encryption", () => {
  test("fails a PV of an unencrypted class", () => {
    expect(fixPaths(run(control, [sc("gp2", { provisioner: "kubernetes.io/aws-ebs" }), pv("v", "gp2")]).failed.get("PersistentVolume/v"))[0]!.path).toBe("spec.storageClassName");
  });
  test("passes encrypted, Azure and GKE classes", () => {
    const out = run(control, [sc("enc", { provisioner: "ebs.csi.aws.com", parameters: { encrypted: "true" } }), sc("az", { provisioner: "disk.csi.azure.com" }), pv("a", "enc"), pv("b", "az")]);
    expect([...out.passed].sort()).toEqual(["PersistentVolume/a", "PersistentVolume/b"]);
  });
});
