import { expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0005-api-server-insecure-port-is-enabled.ts";
import { failedPaths, obj, run } from "./lib/objectFixtures.ts";

test("C-0005: --insecure-port=1 in a pod command fails; --insecure-port=0 passes", () => {
  const api = (name: string, flag: string) =>
    obj("v1", "Pod", name, "kube-system", { spec: { containers: [{ name: "kube-apiserver", image: "k8s", command: ["kube-apiserver", "--secure-port=6443", flag] }] } });
  const r = run(control, [api("kube-apiserver-a", "--insecure-port=1"), api("kube-apiserver-b", "--insecure-port=0"), api("other", "--insecure-port=1")]);
  expect(failedPaths(r.get("Pod/kube-apiserver-a"))).toEqual(["spec.containers[0].command[2]"]);
  expect(r.get("Pod/kube-apiserver-b")?.status).toBe("passed");
  // only API server pods are looked at
  expect(r.has("Pod/other")).toBe(false);
});
