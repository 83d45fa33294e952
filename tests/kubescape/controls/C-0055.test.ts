import { expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0055-linux-hardening.ts";
import { c, deployment, fixPaths, pod, run } from "./lib/objectFixtures.ts";

test("C-0055: no seccomp/SELinux/AppArmor/dropped capabilities fails with fixes per bare container", () => {
  const r = run(control, [
    pod("bare", { containers: [c("a"), c("b", { securityContext: { capabilities: { drop: ["ALL"] } } })] }),
    pod("pod-seccomp", { securityContext: { seccompProfile: { type: "RuntimeDefault" } }, containers: [c("a")] }),
    deployment("apparmor", { containers: [c("a")] }, {}, { annotations: { "container.apparmor.security.beta.kubernetes.io/a": "runtime/default" } }),
  ]);
  expect(fixPaths(r.get("Pod/bare"))).toEqual([
    { path: "spec.containers[0].securityContext.seccompProfile", value: "YOUR_VALUE" },
    { path: "spec.containers[0].securityContext.seLinuxOptions", value: "YOUR_VALUE" },
    { path: "spec.containers[0].securityContext.capabilities.drop[0]", value: "YOUR_VALUE" },
  ]);
  expect(r.get("Pod/pod-seccomp")?.status).toBe("passed");
  expect(r.get("Deployment/apparmor")?.status).toBe("passed");
});
