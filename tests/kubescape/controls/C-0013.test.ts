import { describe, expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0013-non-root-containers.ts";
import { c, deployment, failedPaths, fixPaths, pod, run } from "./lib/objectFixtures.ts";

describe("C-0013 non-root containers", () => {
  test("nothing set: fixes for runAsNonRoot and allowPrivilegeEscalation", () => {
    const r = run(control, [deployment("d", { containers: [c("a")] })]);
    expect(fixPaths(r.get("Deployment/d"))).toEqual([
      { path: "spec.template.spec.containers[0].securityContext.runAsNonRoot", value: "true" },
      { path: "spec.template.spec.containers[0].securityContext.allowPrivilegeEscalation", value: "false" },
    ]);
  });

  test("runAsUser 0 at pod level is the failed path", () => {
    const r = run(control, [pod("p", { securityContext: { runAsUser: 0 }, containers: [c("a", { securityContext: { allowPrivilegeEscalation: false } })] })]);
    expect(failedPaths(r.get("Pod/p"))).toEqual(["spec.securityContext.runAsUser"]);
  });

  test("runAsNonRoot false at container level with no user is the failed path", () => {
    const r = run(control, [pod("p", { containers: [c("a", { securityContext: { runAsNonRoot: false } })] })]);
    expect(failedPaths(r.get("Pod/p"))).toEqual(["spec.containers[0].securityContext.runAsNonRoot"]);
  });

  test("pod-level runAsNonRoot true with escalation off passes; container inherits", () => {
    const r = run(control, [pod("p", { securityContext: { runAsNonRoot: true }, containers: [c("a", { securityContext: { allowPrivilegeEscalation: false } })] })]);
    expect(r.get("Pod/p")?.status).toBe("passed");
  });

  test("non-root user but escalation not switched off still fails with the escalation fix", () => {
    const r = run(control, [pod("p", { containers: [c("a", { securityContext: { runAsUser: 1000 } })] })]);
    expect(fixPaths(r.get("Pod/p"))).toEqual([{ path: "spec.containers[0].securityContext.allowPrivilegeEscalation", value: "false" }]);
  });

  test("escalation off but root not excluded: only the runAsNonRoot fix", () => {
    const r = run(control, [pod("p", { containers: [c("a", { securityContext: { allowPrivilegeEscalation: false } })] })]);
    expect(fixPaths(r.get("Pod/p"))).toEqual([{ path: "spec.containers[0].securityContext.runAsNonRoot", value: "true" }]);
  });
});
