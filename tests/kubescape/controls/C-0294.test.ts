import { describe, expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0294-deprecated-service-account-field.ts";
import { deletePaths, deployment, fixPaths, run } from "./upperRangeKit.ts";

describe("C-0294 deprecated serviceAccount field", () => {
  test("fails spec.serviceAccount with a fix to serviceAccountName (ReplicationControllers too)", () => {
    const rc = { apiVersion: "v1", kind: "ReplicationController", metadata: { name: "rc", namespace: "a" }, spec: { selector: { app: "x" }, template: { metadata: { labels: { app: "x" } }, spec: { serviceAccount: "old", containers: [] } } } };
    const out = run(control, [deployment("d", { serviceAccount: "bot", containers: [] }), rc]);
    expect(deletePaths(out.failed.get("Deployment/d"))).toEqual(["spec.template.spec.serviceAccount"]);
    expect(fixPaths(out.failed.get("Deployment/d"))).toEqual([{ path: "spec.template.spec.serviceAccountName", value: "bot" }]);
    expect(out.failed.has("ReplicationController/rc")).toBe(true);
  });
  test("passes serviceAccountName", () => {
    expect(run(control, [deployment("d", { serviceAccountName: "bot", containers: [] })]).passed.has("Deployment/d")).toBe(true);
  });
});
