import { expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0038-host-pid-ipc-privileges.ts";
import { c, cronJob, deployment, failedPaths, pod, run } from "./lib/objectFixtures.ts";

test("C-0038: hostPID/hostIPC true fail at the right prefix; false or absent pass", () => {
  const r = run(control, [
    pod("p", { hostPID: true, containers: [c("a")] }),
    cronJob("cj", { hostIPC: true, hostPID: true, containers: [c("a")] }),
    deployment("d", { hostPID: false, containers: [c("a")] }),
  ]);
  expect(failedPaths(r.get("Pod/p"))).toEqual(["spec.hostPID"]);
  expect(failedPaths(r.get("CronJob/cj"))).toEqual(["spec.jobTemplate.spec.template.spec.hostPID", "spec.jobTemplate.spec.template.spec.hostIPC"]);
  expect(r.get("Deployment/d")?.status).toBe("passed");
});
