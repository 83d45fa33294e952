import { describe, expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0207-secrets-as-files-not-env.ts";
import { cronJob, deployment, failedPaths, run } from "./upperRangeKit.ts";

describe("C-0207 secrets as files", () => {
  test("fails secretKeyRef env vars", () => {
    const out = run(control, [cronJob("job", { containers: [{ name: "c", env: [{ name: "A", value: "1" }, { name: "PW", valueFrom: { secretKeyRef: { name: "s", key: "k" } } }] }] })]);
    expect(failedPaths(out.failed.get("CronJob/job"))).toEqual(["spec.jobTemplate.spec.template.spec.containers[0].env[1].name"]);
  });
  test("passes configMap refs and plain values", () => {
    expect(run(control, [deployment("d", { containers: [{ name: "c", env: [{ name: "A", valueFrom: { configMapKeyRef: { name: "c", key: "k" } } }] }] })]).passed.has("Deployment/d")).toBe(true);
  });
});
