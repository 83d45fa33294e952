import { describe, expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0258-workload-with-configmap-access.ts";
import { deployment, failedPaths, run } from "./upperRangeKit.ts";

const target = { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "creds", namespace: "apps" } };
const spec = { volumes: [{ name: "v", configMap: { name: "creds" } }], containers: [{ name: "a" }, { name: "b", volumeMounts: [{ name: "v", mountPath: "/x" }] }] };
describe("C-0258 workload mounting a ConfigMap", () => {
  test("fails the containers mounting it", () => {
    expect(failedPaths(run(control, [target, deployment("d", spec)]).failed.get("Deployment/d"))).toEqual(["spec.template.spec.containers[1].volumeMounts[0]"]);
  });
  test("passes when the object is not in the scan or in another namespace", () => {
    expect(run(control, [deployment("d", spec)]).passed.has("Deployment/d")).toBe(true);
    expect(run(control, [{ ...target, metadata: { name: "creds", namespace: "other" } }, deployment("d", spec)]).passed.has("Deployment/d")).toBe(true);
  });
});
