import { describe, expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0266-exposure-via-gateway-or-istio.ts";
import { deployment, run } from "./upperRangeKit.ts";

const svc = { apiVersion: "v1", kind: "Service", metadata: { name: "web", namespace: "apps" }, spec: { selector: { app: "web" }, ports: [{ port: 80 }] } };
const route = (backend: string) => ({ apiVersion: "gateway.networking.k8s.io/v1", kind: "HTTPRoute", metadata: { name: "r", namespace: "apps" }, spec: { rules: [{ backendRefs: [{ name: backend, port: 80 }] }] } });
const vs = (gateways: string[]) => ({ apiVersion: "networking.istio.io/v1", kind: "VirtualService", metadata: { name: "vs", namespace: "apps" }, spec: { gateways, http: [{ route: [{ destination: { host: "web.apps.svc.cluster.local" } }] }] } });
describe("C-0266 exposure via Gateway API or Istio", () => {
  test("fails a workload behind an HTTPRoute or an ingress VirtualService", () => {
    expect(run(control, [deployment("web", { containers: [] }), svc, route("web")]).failed.has("Deployment/web")).toBe(true);
    expect(run(control, [deployment("web", { containers: [] }), svc, vs(["istio-system/public"])]).failed.has("Deployment/web")).toBe(true);
  });
  test("passes mesh-only VirtualServices and routes to other services", () => {
    expect(run(control, [deployment("web", { containers: [] }), svc, vs(["mesh"]), route("api")]).passed.has("Deployment/web")).toBe(true);
  });
});
