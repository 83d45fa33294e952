import { describe, expect, test } from "bun:test";
import { allControls } from "../../../src/kubescape/controls/index.ts";
import { evaluateControls } from "../../../src/kubescape/engine/evaluate.ts";
import { buildResourceIndex } from "../../../src/kubescape/engine/resourceIndex.ts";
import type { K8sObject } from "../../../src/kubescape/types.ts";

function apiServer(flags: string[]): K8sObject {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name: "kube-apiserver-cp-1", namespace: "kube-system", labels: { component: "kube-apiserver", tier: "control-plane" } },
    spec: { containers: [{ name: "kube-apiserver", image: "registry.k8s.io/kube-apiserver:v1.34.2", command: ["kube-apiserver", ...flags] }] },
  };
}

const ids = ["C-0066", "C-0067", "C-0068", "C-0088"];
const controls = allControls.filter((c) => ids.includes(c.id));
const live = { isLiveCluster: true };

describe("cloud controls with a self-managed control plane fallback", () => {
  test("all four are cloud controls", () => {
    expect(controls.map((c) => [c.id, c.implementation])).toEqual(ids.map((id) => [id, "cloud"]));
  });

  test("no kube-apiserver Pod (managed cluster): skipped with the cloud reason, never passed", () => {
    const r = evaluateControls(buildResourceIndex([{ apiVersion: "v1", kind: "Namespace", metadata: { name: "a" } }], live), controls);
    for (const c of r.controls) {
      expect(c.status).toBe("skipped");
      expect(c.skipReason).toContain("cloud provider");
    }
  });

  test("a hardened kube-apiserver passes all four", () => {
    const pod = apiServer(["--encryption-provider-config=/etc/enc.yaml", "--audit-policy-file=/etc/audit.yaml", "--enable-admission-plugins=NodeRestriction,PodSecurityPolicy", "--authorization-mode=Node,RBAC"]);
    const r = evaluateControls(buildResourceIndex([pod], live), controls);
    expect(r.controls.map((c) => [c.control.id, c.status])).toEqual(ids.map((id) => [id, "passed"]));
  });

  test("a bare kube-apiserver fails all four, with fixes", () => {
    const pod = apiServer(["--enable-admission-plugins=NodeRestriction", "--authorization-mode=AlwaysAllow"]);
    const r = evaluateControls(buildResourceIndex([pod], live), controls);
    expect(r.controls.map((c) => [c.control.id, c.status])).toEqual(ids.map((id) => [id, "failed"]));
    const rbac = r.controls.find((c) => c.control.id === "C-0088")!;
    expect(rbac.failed[0]!.paths).toContainEqual({ fixPath: { path: "spec.containers[0].command[2]", value: "--authorization-mode=AlwaysAllow,RBAC" } });
    const enc = r.controls.find((c) => c.control.id === "C-0066")!;
    expect(enc.failed[0]!.paths[0]!.fixPath?.value).toBe("--encryption-provider-config=<path/to/EncryptionConfig/File>");
  });

  test("file scans skip the cluster-only ones as kubescape does (C-0068 runs on files); strictFileScope=false runs all", () => {
    const strict = evaluateControls(buildResourceIndex([apiServer([])]), controls);
    expect(strict.controls.map((c) => [c.control.id, c.status])).toEqual([
      ["C-0066", "skipped"],
      ["C-0067", "skipped"],
      ["C-0068", "failed"],
      ["C-0088", "skipped"],
    ]);
    const all = evaluateControls(buildResourceIndex([apiServer([])]), controls, undefined, [], { strictFileScope: false });
    expect(all.controls.map((c) => c.status)).toEqual(["failed", "failed", "failed", "failed"]);
  });
});
