import { describe, expect, test } from "bun:test";
import { control } from "../../../../src/kubescape/controls/C-0211-apply-security-context-to-your-pods-and-containe.ts";
import { evaluate } from "./fixtures.ts";
import type { K8sObject } from "../../../../src/kubescape/types.ts";

const pod = (name: string, spec: Record<string, unknown>) => ({ apiVersion: "v1", kind: "Pod", metadata: { name, namespace: "app" }, spec }) as K8sObject;

describe("C-0211 security context", () => {
  test("non-root, no privilege escalation passes", () => {
    const out = evaluate(control, [pod("good", { securityContext: { runAsNonRoot: true }, containers: [{ name: "c", securityContext: { allowPrivilegeEscalation: false } }] })]);
    expect(out.map((o) => o.status)).toEqual(["passed"]);
  });
  test("no security context at all fails on the container", () => {
    const [out] = evaluate(control, [pod("bare", { containers: [{ name: "c" }] })]);
    expect(out?.status).toBe("failed");
    expect(out?.paths[0]?.failedPath).toBe("spec.containers[0].securityContext");
  });
  test("privileged, escalation allowed or root user each fail", () => {
    const [out] = evaluate(control, [pod("bad", { containers: [{ name: "c", securityContext: { privileged: true, runAsUser: 0 } }] })]);
    expect(out?.paths.map((p) => p.failedPath)).toEqual(["spec.containers[0].securityContext.privileged", "spec.containers[0].securityContext.allowPrivilegeEscalation", "spec.containers[0].securityContext.runAsNonRoot"]);
  });
  test("CronJob pod template is found", () => {
    const cj = { apiVersion: "batch/v1", kind: "CronJob", metadata: { name: "cj", namespace: "app" }, spec: { jobTemplate: { spec: { template: { spec: { containers: [{ name: "c" }] } } } } } } as K8sObject;
    expect(evaluate(control, [cj])[0]?.paths[0]?.failedPath).toBe("spec.jobTemplate.spec.template.spec.containers[0].securityContext");
  });
});
