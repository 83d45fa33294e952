import { describe, expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0157-etcd-peer-client-cert-auth.ts";
import { cpPod, failedPaths, fixPaths, run } from "./upperRangeKit.ts";

describe("C-0157 etcd --peer-client-cert-auth", () => {
  test("fails when false", () => {
    const paths = run(control, [cpPod("e", "etcd", ["--peer-client-cert-auth=false"])]).failed.get("Pod/e");
    expect(failedPaths(paths)).toEqual(["spec.containers[0].command[1]"]);
    expect(fixPaths(paths)[0]!.value).toBe("--peer-client-cert-auth=true");
  });
  test("passes when true", () => {
    expect(run(control, [cpPod("e", "etcd", ["--peer-client-cert-auth=true"])]).passed.has("Pod/e")).toBe(true);
  });
});
