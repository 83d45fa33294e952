import { describe, expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0283-apiserver-deny-service-external-ips.ts";
import { cpPod, failedPaths, fixPaths, run } from "./upperRangeKit.ts";

describe("C-0283 DenyServiceExternalIPs", () => {
  test("fails when the enabled plugin list lacks it", () => {
    const paths = run(control, [cpPod("a", "kube-apiserver", ["--enable-admission-plugins=NodeRestriction"])]).failed.get("Pod/a");
    expect(failedPaths(paths)).toEqual(["spec.containers[0].command[1]"]);
    expect(fixPaths(paths)[0]!.value).toBe("--enable-admission-plugins=DenyServiceExternalIPs");
  });
  test("reads the plugin list from args", () => {
    expect(failedPaths(run(control, [cpPod("a", "kube-apiserver", [], ["--x=1", "--enable-admission-plugins=NodeRestriction"])]).failed.get("Pod/a"))).toEqual(["spec.containers[0].args[1]"]);
  });
  test("passes when listed", () => {
    expect(run(control, [cpPod("a", "kube-apiserver", ["--enable-admission-plugins=NodeRestriction,DenyServiceExternalIPs"])]).passed.has("Pod/a")).toBe(true);
  });
});
