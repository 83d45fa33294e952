import { describe, expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0259-workload-with-credential-access.ts";
import { DEFAULT_CONTROL_INPUTS } from "../../../src/kubescape/engine/defaultInputs.ts";
import { deletePaths, deployment, failedPaths, pod, run } from "./upperRangeKit.ts";

describe("C-0259 credentials in environment variables", () => {
  test("fails sensitive names and values with name and value paths", () => {
    const out = run(control, [
      deployment("d", { containers: [{ name: "c", env: [{ name: "LOG_LEVEL", value: "info" }, { name: "DB_PASSWORD", value: "hunter2" }] }] }),
      pod("p", { containers: [{ name: "c", env: [{ name: "CERT", value: "-----BEGIN RSA PRIVATE KEY-----" }] }] }),
    ]);
    expect(failedPaths(out.failed.get("Deployment/d"))).toEqual(["spec.template.spec.containers[0].env[1].name", "spec.template.spec.containers[0].env[1].value"]);
    expect(deletePaths(out.failed.get("Pod/p"))).toEqual(["spec.containers[0].env[0].name", "spec.containers[0].env[0].value"]);
  });
  test("fails envFrom secretRef and init containers; AKIA keys match the regex inputs", () => {
    const out = run(control, [pod("p", { initContainers: [{ name: "i", envFrom: [{ configMapRef: { name: "c" } }, { secretRef: { name: "s" } }] }], containers: [{ name: "c", env: [{ name: "X", value: "AKIAABCDEFGHIJKLMNOP" }] }] })], { ...DEFAULT_CONTROL_INPUTS, sensitiveValues: ["AKIA[0-9A-Z]{16}"] });
    expect(failedPaths(out.failed.get("Pod/p"))).toEqual(["spec.containers[0].env[0].name", "spec.containers[0].env[0].value", "spec.initContainers[0].envFrom[1].secretRef"]);
  });
  test("passes references, file paths and allowed names", () => {
    const spec = { containers: [{ name: "c", env: [{ name: "TOKEN", valueFrom: { secretKeyRef: { name: "s", key: "t" } } }, { name: "KEY_FILE", value: "/etc/key" }, { name: "API_TOKEN", value: "x" }] }] };
    expect(run(control, [pod("p", spec)], { ...DEFAULT_CONTROL_INPUTS, sensitiveKeyNamesAllowed: ["api_token"] }).passed.has("Pod/p")).toBe(true);
  });
});
