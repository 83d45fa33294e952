import { describe, expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0266-exposure-via-gateway-or-istio.ts";
import { deployment, run } from "./upperRangeKit.ts";

const svc = { apiVersion: "v1", kind: "Service", metadata: { name: "web", namespace: "apps" }, spec: { selector: { app: "web" }, ports: [{ port: 80 }] } };
const route = (backend: string) => ({ apiVersion: "gateway.networking.k8s.io/v1", kind: "HTTPRoute", metadata: { name: "r", namespace: "apps" }, spec: { rules: [{ backendRefs: [{ name: backend, port: 80 }] }] } });
const vs = (gateways: string[]) => ({ apiVersion: "networking.istio.io/v1", kind: "VirtualService", metadata: { name: "vs", namespace: "apps" }, spec: { gateways, http: [{ route: [{ destination: { host: "web.apps.svc.cluster.local" } }] }] } });
const gw = { apiVersion: "networking.istio.io/v1", kind: "Gateway", metadata: { name: "ingress", namespace: "istio-system" }, spec: { selector: { istio: "ingressgateway" } } };
const ingressSvc = (type: string) => ({ apiVersion: "v1", kind: "Service", metadata: { name: "istio-ingressgateway", namespace: "istio-system", labels: { istio: "ingressgateway" } }, spec: { type, selector: { istio: "ingressgateway" } } });
describe("C-0266 exposure via Gateway API or Istio", () => {
  test("fails a workload behind an HTTPRoute or a VirtualService on a public Istio gateway", () => {
    expect(run(control, [deployment("web", { containers: [] }), svc, route("web")]).failed.has("Deployment/web")).toBe(true);
    expect(run(control, [deployment("web", { containers: [] }), svc, vs(["istio-system/ingress"]), gw, ingressSvc("LoadBalancer")]).failed.has("Deployment/web")).toBe(true);
  });
  test("passes mesh-only or internal gateways and routes to other services", () => {
    expect(run(control, [deployment("web", { containers: [] }), svc, vs(["mesh"]), route("api")]).passed.has("Deployment/web")).toBe(true);
    expect(run(control, [deployment("web", { containers: [] }), svc, vs(["istio-system/ingress"]), gw, ingressSvc("ClusterIP")]).passed.has("Deployment/web")).toBe(true);
  });
});
