import { expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0005-api-server-insecure-port-is-enabled.ts";
import { failedPaths, obj, run } from "./lib/objectFixtures.ts";

test("C-0005: --insecure-port=1 in a pod command fails; --insecure-port=0 passes", () => {
  const api = (name: string, flag: string) =>
    obj("v1", "Pod", name, "kube-system", { spec: { containers: [{ name: "kube-apiserver", image: "k8s", command: ["kube-apiserver", "--secure-port=6443", flag] }] } });
  const r = run(control, [api("bad", "--insecure-port=1"), api("good", "--insecure-port=0")]);
  expect(failedPaths(r.get("Pod/bad"))).toEqual(["spec.containers[0].command[2]"]);
  expect(r.get("Pod/good")?.status).toBe("passed");
});
