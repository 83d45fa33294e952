import { expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0041-hostnetwork-access.ts";
import { c, deployment, failedPaths, pod, run, workload } from "./lib/objectFixtures.ts";

test("C-0041: hostNetwork true fails, absent passes", () => {
  const r = run(control, [
    workload("DaemonSet", "ds", { hostNetwork: true, containers: [c("a")] }),
    pod("p", { hostNetwork: true, containers: [c("a")] }),
    deployment("d", { containers: [c("a")] }),
  ]);
  expect(failedPaths(r.get("DaemonSet/ds"))).toEqual(["spec.template.spec.hostNetwork"]);
  expect(failedPaths(r.get("Pod/p"))).toEqual(["spec.hostNetwork"]);
  expect(r.get("Deployment/d")?.status).toBe("passed");
});
