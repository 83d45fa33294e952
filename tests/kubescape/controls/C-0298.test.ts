import { describe, expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0298-dangling-ingress-backend.ts";
import { failedPaths, run } from "./upperRangeKit.ts";

const ing = { apiVersion: "networking.k8s.io/v1", kind: "Ingress", metadata: { name: "i", namespace: "apps" }, spec: { defaultBackend: { service: { name: "gone", port: { number: 80 } } }, rules: [{ http: { paths: [{ path: "/", backend: { service: { name: "web" } } }] } }] } };
const svc = (name: string, ns = "apps") => ({ apiVersion: "v1", kind: "Service", metadata: { name, namespace: ns } });
describe("C-0298 dangling ingress backend", () => {
  test("fails backends naming missing services", () => {
    expect(failedPaths(run(control, [ing, svc("web", "other")]).failed.get("Ingress/i"))).toEqual(["spec.rules[0].http.paths[0].backend.service.name", "spec.defaultBackend.service.name"]);
  });
  test("passes when the services exist", () => {
    expect(run(control, [ing, svc("web"), svc("gone")]).passed.has("Ingress/i")).toBe(true);
  });
});
