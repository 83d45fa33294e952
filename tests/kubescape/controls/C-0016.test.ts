import { expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0016-allow-privilege-escalation.ts";
import { c, cronJob, fixPaths, obj, run } from "./lib/objectFixtures.ts";

test("C-0016: escalation allowed (explicitly or by default) gets the two fixes; false passes", () => {
  const p = "spec.jobTemplate.spec.template.spec.containers[0].securityContext";
  const r = run(control, [
    cronJob("explicit", { containers: [c("a", { securityContext: { allowPrivilegeEscalation: true } })] }),
    cronJob("absent", { containers: [c("a")] }),
    cronJob("off", { containers: [c("a", { securityContext: { allowPrivilegeEscalation: false } })] }),
  ]);
  const expected = [
    { path: `${p}.allowPrivilegeEscalation`, value: "false" },
    { path: `${p}.privileged`, value: "false" },
  ];
  expect(fixPaths(r.get("CronJob/explicit"))).toEqual(expected);
  expect(fixPaths(r.get("CronJob/absent"))).toEqual(expected);
  expect(r.get("CronJob/off")?.status).toBe("passed");
});

test("C-0016: a PodSecurityPolicy forbidding escalation covers containers; a permissive one does not", () => {
  const strict = obj("policy/v1beta1", "PodSecurityPolicy", "restricted", undefined, { spec: { allowPrivilegeEscalation: false } });
  const loose = obj("policy/v1beta1", "PodSecurityPolicy", "loose", undefined, { spec: {} });
  const r = run(control, [strict, cronJob("absent", { containers: [c("a")] })]);
  expect(r.get("CronJob/absent")?.status).toBe("passed");
  expect(r.get("PodSecurityPolicy/restricted")?.status).toBe("passed");
  expect(run(control, [strict, loose, cronJob("absent", { containers: [c("a")] })]).get("CronJob/absent")?.status).toBe("failed");
});
