import { describe, expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0302-dangling-gateway-backend.ts";
import { failedPaths, run } from "./upperRangeKit.ts";

const route = { apiVersion: "gateway.networking.k8s.io/v1", kind: "HTTPRoute", metadata: { name: "r", namespace: "apps" }, spec: { rules: [{ backendRefs: [{ name: "web" }, { name: "bucket", group: "storage.example.com", kind: "Bucket" }, { name: "api", namespace: "other" }] }] } };
const svc = (name: string, ns: string) => ({ apiVersion: "v1", kind: "Service", metadata: { name, namespace: ns } });
describe("C-0302 dangling Gateway API backend", () => {
  test("fails Service refs that do not exist (cross-namespace refs resolved there)", () => {
    expect(failedPaths(run(control, [route, svc("api", "apps")]).failed.get("HTTPRoute/r"))).toEqual(["spec.rules[0].backendRefs[0].name", "spec.rules[0].backendRefs[2].name"]);
  });
  test("passes when they exist; non-Service backends are skipped", () => {
    expect(run(control, [route, svc("web", "apps"), svc("api", "other")]).passed.has("HTTPRoute/r")).toBe(true);
  });
});
