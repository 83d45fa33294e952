import { describe, expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0207-secrets-as-files-not-env.ts";
import { cronJob, deletePaths, deployment, failedPaths, pod, run } from "./upperRangeKit.ts";

describe("C-0207 secrets as files", () => {
  test("fails secretKeyRef env vars (name path)", () => {
    const out = run(control, [cronJob("job", { containers: [{ name: "c", env: [{ name: "A", value: "1" }, { name: "PW", valueFrom: { secretKeyRef: { name: "s", key: "k" } } }] }] })]);
    expect(failedPaths(out.failed.get("CronJob/job"))).toEqual(["spec.jobTemplate.spec.template.spec.containers[0].env[1].name"]);
    expect(deletePaths(out.failed.get("CronJob/job"))).toEqual(["spec.jobTemplate.spec.template.spec.containers[0].env[1].name"]);
  });
  test("fails envFrom secretRef and init containers", () => {
    const out = run(control, [
      deployment("d", { initContainers: [{ name: "i", envFrom: [{ secretRef: { name: "s" } }] }], containers: [{ name: "c" }] }),
      pod("p", { initContainers: [{ name: "i", env: [{ name: "T", valueFrom: { secretKeyRef: { name: "s", key: "t" } } }] }], containers: [] }),
    ]);
    expect(failedPaths(out.failed.get("Deployment/d"))).toEqual(["spec.template.spec.initContainers[0].envFrom[0].secretRef"]);
    expect(failedPaths(out.failed.get("Pod/p"))).toEqual(["spec.initContainers[0].env[0].name"]);
  });
  test("passes configMap refs and plain values", () => {
    expect(run(control, [deployment("d", { containers: [{ name: "c", env: [{ name: "A", valueFrom: { configMapKeyRef: { name: "c", key: "k" } } }], envFrom: [{ configMapRef: { name: "c" } }] }] })]).passed.has("Deployment/d")).toBe(true);
  });
});
