import { describe, expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0153-etcd-cert-file-key-file.ts";
import { cpPod, fixPaths, run } from "./upperRangeKit.ts";

describe("C-0153 etcd --cert-file/--key-file", () => {
  test("fails with one fix per missing flag", () => {
    const paths = run(control, [cpPod("etcd", "etcd", ["--cert-file=/pki/server.crt"])]).failed.get("Pod/etcd");
    expect(fixPaths(paths)).toEqual([{ path: "spec.containers[0].command[3]", value: "--key-file=<path/to/tls-key-file.key>" }]);
  });
  test("appends fixes to args when flags live there", () => {
    const paths = run(control, [cpPod("etcd", "etcd", [], ["--a=1", "--key-file=/k"])]).failed.get("Pod/etcd");
    expect(fixPaths(paths)).toEqual([{ path: "spec.containers[0].args[2]", value: "--cert-file=<path/to/tls-certificate-file.crt>" }]);
  });
  test("passes with both", () => {
    expect(run(control, [cpPod("etcd", "etcd", ["--cert-file=/a", "--key-file=/b"])]).passed.has("Pod/etcd")).toBe(true);
  });
});
