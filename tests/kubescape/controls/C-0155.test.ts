import { describe, expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0155-etcd-auto-tls-not-true.ts";
import { cpPod, failedPaths, fixPaths, run } from "./upperRangeKit.ts";

describe("C-0155 etcd --auto-tls", () => {
  test("fails on --auto-tls=true", () => {
    const paths = run(control, [cpPod("e", "etcd", ["--name=x", "--auto-tls=true"])]).failed.get("Pod/e");
    expect(failedPaths(paths)).toEqual(["spec.containers[0].command[2]"]);
    expect(fixPaths(paths)[0]!.value).toBe("--auto-tls=false");
  });
  test("passes when absent", () => {
    expect(run(control, [cpPod("e", "etcd", ["--name=x"])]).passed.has("Pod/e")).toBe(true);
  });
});
