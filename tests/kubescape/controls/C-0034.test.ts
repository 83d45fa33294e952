import { expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0034-automatic-mapping-of-service-account.ts";
import { c, deployment, failedPaths, fixPaths, obj, pod, run } from "./lib/objectFixtures.ts";

test("C-0034: workloads that will mount a service account token", () => {
  const r = run(control, [
    obj("v1", "ServiceAccount", "default", "apps"),
    obj("v1", "ServiceAccount", "quiet", "apps", { automountServiceAccountToken: false }),
    deployment("inherits", { containers: [c("a")] }),
    deployment("quiet-sa", { serviceAccountName: "quiet", containers: [c("a")] }),
    deployment("unknown-sa", { serviceAccountName: "elsewhere", containers: [c("a")] }),
    pod("opted-out", { automountServiceAccountToken: false, containers: [c("a")] }),
    pod("asks", { serviceAccountName: "quiet", automountServiceAccountToken: true, containers: [c("a")] }),
  ]);
  expect(fixPaths(r.get("Deployment/inherits"))).toEqual([{ path: "spec.template.spec.automountServiceAccountToken", value: "false" }]);
  expect(failedPaths(r.get("Deployment/inherits"))).toEqual([]);
  expect(r.get("Deployment/quiet-sa")?.status).toBe("passed");
  // the ServiceAccount is not in the scan: Kubernetes mounts by default
  expect(r.get("Deployment/unknown-sa")?.status).toBe("failed");
  expect(r.get("Pod/opted-out")?.status).toBe("passed");
  // the pod-level setting wins over the ServiceAccount
  expect(failedPaths(r.get("Pod/asks"))).toEqual(["spec.automountServiceAccountToken"]);
  expect(fixPaths(r.get("Pod/asks"))).toEqual([{ path: "spec.automountServiceAccountToken", value: "false" }]);
  // ServiceAccounts are read, never failed: listed as passed
  expect(r.get("ServiceAccount/default")?.status).toBe("passed");
});
