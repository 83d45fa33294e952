import { expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0055-linux-hardening.ts";
import { c, deployment, fixPaths, pod, run } from "./lib/objectFixtures.ts";

test("C-0055: containers and init containers without a seccomp profile get a fix; a pod-level profile covers all", () => {
  const r = run(control, [
    pod("bare", { initContainers: [c("i")], containers: [c("a", { securityContext: { seccompProfile: { type: "RuntimeDefault" } } }), c("b")] }),
    pod("pod-seccomp", { securityContext: { seccompProfile: { type: "RuntimeDefault" } }, initContainers: [c("i")], containers: [c("a")] }),
    deployment("dep", { containers: [c("a")] }),
  ]);
  expect(fixPaths(r.get("Pod/bare"))).toEqual([
    { path: "spec.containers[1].securityContext.seccompProfile", value: "YOUR_VALUE" },
    { path: "spec.initContainers[0].securityContext.seccompProfile", value: "YOUR_VALUE" },
  ]);
  expect(r.get("Pod/pod-seccomp")?.status).toBe("passed");
  expect(fixPaths(r.get("Deployment/dep"))).toEqual([{ path: "spec.template.spec.containers[0].securityContext.seccompProfile", value: "YOUR_VALUE" }]);
});
