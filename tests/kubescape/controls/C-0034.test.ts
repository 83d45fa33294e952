import { expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0034-automatic-mapping-of-service-account.ts";
import { c, deployment, failedPaths, fixPaths, obj, pod, run } from "./lib/objectFixtures.ts";

test("C-0034: service accounts and workloads that mount tokens", () => {
  const r = run(control, [
    obj("v1", "ServiceAccount", "default", "apps"),
    obj("v1", "ServiceAccount", "quiet", "apps", { automountServiceAccountToken: false }),
    obj("v1", "ServiceAccount", "loud", "apps", { automountServiceAccountToken: true }),
    deployment("inherits", { containers: [c("a")] }),
    deployment("quiet-sa", { serviceAccountName: "quiet", containers: [c("a")] }),
    pod("opted-out", { automountServiceAccountToken: false, containers: [c("a")] }),
    pod("asks", { serviceAccountName: "loud", automountServiceAccountToken: true, containers: [c("a")] }),
  ]);
  expect(fixPaths(r.get("ServiceAccount/default"))).toEqual([{ path: "automountServiceAccountToken", value: "false" }]);
  expect(failedPaths(r.get("ServiceAccount/loud"))).toEqual(["automountServiceAccountToken"]);
  expect(r.get("ServiceAccount/quiet")?.status).toBe("passed");
  expect(fixPaths(r.get("Deployment/inherits"))).toEqual([{ path: "spec.template.spec.automountServiceAccountToken", value: "false" }]);
  expect(r.get("Deployment/quiet-sa")?.status).toBe("passed");
  expect(r.get("Pod/opted-out")?.status).toBe("passed");
  expect(failedPaths(r.get("Pod/asks"))).toEqual(["spec.automountServiceAccountToken"]);
});
