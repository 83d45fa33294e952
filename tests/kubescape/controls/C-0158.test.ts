import { describe, expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0158-etcd-peer-auto-tls-not-true.ts";
import { cpPod, failedPaths, run } from "./upperRangeKit.ts";

describe("C-0158 etcd --peer-auto-tls", () => {
  test("fails on true (flag in args)", () => {
    expect(failedPaths(run(control, [cpPod("e", "etcd", [], ["--peer-auto-tls=true"])]).failed.get("Pod/e"))).toEqual(["spec.containers[0].args[0]"]);
  });
  test("passes on false", () => {
    expect(run(control, [cpPod("e", "etcd", ["--peer-auto-tls=false"])]).passed.has("Pod/e")).toBe(true);
  });
});
