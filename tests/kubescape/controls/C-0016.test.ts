import { expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0016-allow-privilege-escalation.ts";
import { c, cronJob, failedPaths, fixPaths, obj, run } from "./lib/objectFixtures.ts";

test("C-0016: explicit true is a failed path, absent is a fix, false passes", () => {
  const r = run(control, [
    cronJob("explicit", { containers: [c("a", { securityContext: { allowPrivilegeEscalation: true } })] }),
    cronJob("absent", { containers: [c("a")] }),
    cronJob("off", { containers: [c("a", { securityContext: { allowPrivilegeEscalation: false } })] }),
  ]);
  expect(failedPaths(r.get("CronJob/explicit"))).toEqual(["spec.jobTemplate.spec.template.spec.containers[0].securityContext.allowPrivilegeEscalation"]);
  expect(fixPaths(r.get("CronJob/absent"))).toEqual([{ path: "spec.jobTemplate.spec.template.spec.containers[0].securityContext.allowPrivilegeEscalation", value: "false" }]);
  expect(r.get("CronJob/off")?.status).toBe("passed");
});

test("C-0016: a PodSecurityPolicy forbidding escalation covers containers", () => {
  const psp = obj("policy/v1beta1", "PodSecurityPolicy", "restricted", undefined, { spec: { allowPrivilegeEscalation: false } });
  const r = run(control, [psp, cronJob("absent", { containers: [c("a")] })]);
  expect(r.get("CronJob/absent")?.status).toBe("passed");
});

test("C-0016: an init container allowing escalation fails at its own path", () => {
  const r = run(control, [cronJob("init", { initContainers: [c("i", { securityContext: { allowPrivilegeEscalation: true } })], containers: [c("a", { securityContext: { allowPrivilegeEscalation: false } })] })]);
  expect(failedPaths(r.get("CronJob/init"))).toEqual(["spec.jobTemplate.spec.template.spec.initContainers[0].securityContext.allowPrivilegeEscalation"]);
});
