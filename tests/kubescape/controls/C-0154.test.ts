import { describe, expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0154-etcd-client-cert-auth.ts";
import { cpPod, failedPaths, fixPaths, run } from "./upperRangeKit.ts";

describe("C-0154 etcd --client-cert-auth", () => {
  test("fails when false or absent", () => {
    const out = run(control, [cpPod("e1", "etcd", ["--client-cert-auth=false"]), cpPod("e2", "etcd", [])]);
    expect(failedPaths(out.failed.get("Pod/e1"))).toEqual(["spec.containers[0].command[1]"]);
    expect(fixPaths(out.failed.get("Pod/e1"))[0]!.value).toBe("--client-cert-auth=true");
    expect(fixPaths(out.failed.get("Pod/e2"))).toEqual([{ path: "spec.containers[0].command[1]", value: "--client-cert-auth=true" }]);
  });
  test("reads flags from args (RKE2/k3s)", () => {
    const paths = run(control, [cpPod("e", "etcd", [], ["--data-dir=/x", "--client-cert-auth=false"])]).failed.get("Pod/e");
    expect(failedPaths(paths)).toEqual(["spec.containers[0].args[1]"]);
    expect(fixPaths(run(control, [cpPod("e", "etcd", [], ["--data-dir=/x"])]).failed.get("Pod/e"))).toEqual([{ path: "spec.containers[0].args[1]", value: "--client-cert-auth=true" }]);
  });
  test("passes when true", () => {
    expect(run(control, [cpPod("e", "etcd", ["--client-cert-auth=true"])]).passed.has("Pod/e")).toBe(true);
  });
});
