import { describe, expect, test } from "bun:test";
import { control } from "../../../../src/kubescape/controls/C-0141-ensure-that-the-api-server-encryption-provider-c.ts";
import { envelope, evaluate } from "./fixtures.ts";
import type { K8sObject } from "../../../../src/kubescape/types.ts";

const apiPod = (flags: string[]) => ({ apiVersion: "v1", kind: "Pod", metadata: { name: "kube-apiserver-cp", namespace: "kube-system", labels: { component: "kube-apiserver" } }, spec: { containers: [{ name: "kube-apiserver", command: ["kube-apiserver", ...flags] }] } }) as K8sObject;

describe("C-0141 --encryption-provider-config", () => {
  test("control-plane host data: set passes, missing fails", () => {
    const out = evaluate(control, [
      envelope("ControlPlaneInfo", { APIServerInfo: { cmdLine: "kube-apiserver --encryption-provider-config=/etc/kubernetes/enc.yaml" } }, "cp1"),
      envelope("ControlPlaneInfo", { APIServerInfo: { cmdLine: "kube-apiserver --authorization-mode=Node,RBAC" } }, "cp2"),
    ]);
    expect(out.map((o) => [o.name, o.status])).toEqual([["cp1", "passed"], ["cp2", "failed"]]);
  });
  test("kube-apiserver static pod: flag in the command", () => {
    expect(evaluate(control, [apiPod(["--encryption-provider-config=/etc/enc.yaml"])]).map((o) => o.status)).toEqual(["passed"]);
    const [failed] = evaluate(control, [apiPod(["--secure-port=6443"])]);
    expect(failed?.status).toBe("failed");
    expect(failed?.paths[0]?.failedPath).toBe("spec.containers[0].command");
  });
});
