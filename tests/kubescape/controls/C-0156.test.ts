import { describe, expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0156-etcd-peer-cert-file-key-file.ts";
import { cpPod, failedPaths, fixPaths, run } from "./upperRangeKit.ts";

describe("C-0156 etcd peer TLS", () => {
  test("fails with the command path and fixes", () => {
    const paths = run(control, [cpPod("e", "etcd", [])]).failed.get("Pod/e");
    expect(failedPaths(paths)).toEqual(["spec.containers[0].command"]);
    expect(fixPaths(paths).map((f) => f.path)).toEqual(["spec.containers[0].command[1]", "spec.containers[0].command[2]"]);
  });
  test("points at args when the flags live there", () => {
    const paths = run(control, [cpPod("e", "etcd", [], ["--peer-key-file=/k"])]).failed.get("Pod/e");
    expect(failedPaths(paths)).toEqual(["spec.containers[0].args"]);
    expect(fixPaths(paths)).toEqual([{ path: "spec.containers[0].args[1]", value: "--peer-cert-file=<path/to/tls-certificate-file.crt>" }]);
  });
  test("passes with both peer files", () => {
    expect(run(control, [cpPod("e", "etcd", ["--peer-cert-file=/a", "--peer-key-file=/b"])]).passed.has("Pod/e")).toBe(true);
  });
});
