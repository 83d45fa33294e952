import { describe, expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0159-etcd-unique-ca.ts";
import { cpPod, failedPaths, run } from "./upperRangeKit.ts";

describe("C-0159 etcd unique CA", () => {
  test("fails both pods when etcd trusts the API server's client CA", () => {
    const out = run(control, [
      cpPod("etcd", "etcd", ["--trusted-ca-file=/pki/ca.crt"]),
      cpPod("api", "kube-apiserver", ["--secure-port=6443", "--client-ca-file=/pki/ca.crt"]),
    ]);
    expect(failedPaths(out.failed.get("Pod/etcd"))).toEqual(["spec.containers[0].command[1]", "spec.containers[0].command[2]"]);
    expect(out.failed.has("Pod/api")).toBe(true);
  });
  test("passes with a separate etcd CA", () => {
    const out = run(control, [cpPod("etcd", "etcd", ["--trusted-ca-file=/pki/etcd/ca.crt"]), cpPod("api", "kube-apiserver", ["--client-ca-file=/pki/ca.crt"])]);
    expect([...out.passed].sort()).toEqual(["Pod/api", "Pod/etcd"]);
  });
});
