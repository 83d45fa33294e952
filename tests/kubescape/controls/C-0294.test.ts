import { describe, expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0294-deprecated-service-account-field.ts";
import { buildResourceIndex } from "../../../src/kubescape/engine/resourceIndex.ts";
import { deletePaths, deployment, fixPaths, run } from "./upperRangeKit.ts";

describe("C-0294 deprecated serviceAccount field", () => {
  test("fails spec.serviceAccount with a fix to serviceAccountName (ReplicationControllers too)", () => {
    const rc = { apiVersion: "v1", kind: "ReplicationController", metadata: { name: "rc", namespace: "a" }, spec: { selector: { app: "x" }, template: { metadata: { labels: { app: "x" } }, spec: { serviceAccount: "old", containers: [] } } } };
    const out = run(control, [deployment("d", { serviceAccount: "bot", containers: [] }), rc]);
    expect(deletePaths(out.failed.get("Deployment/d"))).toEqual(["spec.template.spec.serviceAccount"]);
    expect(fixPaths(out.failed.get("Deployment/d"))).toEqual([{ path: "spec.template.spec.serviceAccountName", value: "bot" }]);
    expect(out.failed.has("ReplicationController/rc")).toBe(true);
  });
  test("on a live cluster, the API server's mirror of serviceAccountName is not a finding; a differing value is", () => {
    const objs = [deployment("mirrored", { serviceAccountName: "bot", serviceAccount: "bot", containers: [] }), deployment("odd", { serviceAccountName: "bot", serviceAccount: "other", containers: [] })];
    const live = control.evaluate(buildResourceIndex(objs, { isLiveCluster: true }), {});
    const status = Object.fromEntries(live.results.map((r) => [r.object.metadata.name, r.status]));
    expect(status).toEqual({ mirrored: "passed", odd: "failed" });
    // In a file the field was written by hand: it is flagged whatever its value.
    const fromFile = control.evaluate(buildResourceIndex([objs[0]!], { isLiveCluster: false }), {});
    expect(fromFile.results.map((r) => r.status)).toEqual(["failed"]);
  });
  test("passes serviceAccountName", () => {
    expect(run(control, [deployment("d", { serviceAccountName: "bot", containers: [] })]).passed.has("Deployment/d")).toBe(true);
  });
});
