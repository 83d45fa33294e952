import { describe, expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0256-external-facing.ts";
import { deployment, run } from "./upperRangeKit.ts";

const svc = (name: string, type: string, targetPort: unknown = 8080) => ({ apiVersion: "v1", kind: "Service", metadata: { name, namespace: "apps" }, spec: { type, selector: { app: "web" }, ports: [{ port: 80, targetPort }] } });
const ingress = { apiVersion: "networking.k8s.io/v1", kind: "Ingress", metadata: { name: "ing", namespace: "apps" }, spec: { rules: [{ http: { paths: [{ path: "/", backend: { service: { name: "internal", port: { number: 80 } } } }] } }] } };
describe("C-0256 external facing", () => {
  test("fails a workload behind a LoadBalancer and one behind an Ingress", () => {
    expect(run(control, [deployment("web", { containers: [] }), svc("lb", "LoadBalancer")]).failed.has("Deployment/web")).toBe(true);
    expect(run(control, [deployment("web", { containers: [] }), svc("internal", "ClusterIP"), ingress]).failed.has("Deployment/web")).toBe(true);
  });
  test("passes ClusterIP only, unresolvable named ports, and unselected workloads", () => {
    expect(run(control, [deployment("web", { containers: [] }), svc("internal", "ClusterIP")]).passed.has("Deployment/web")).toBe(true);
    expect(run(control, [deployment("web", { containers: [{ name: "c", ports: [{ name: "http", containerPort: 80 }] }] }), svc("np", "NodePort", "metrics")]).passed.has("Deployment/web")).toBe(true);
    expect(run(control, [deployment("db", { containers: [] }), svc("lb", "LoadBalancer")]).passed.has("Deployment/db")).toBe(true);
    const udp = deployment("web", { containers: [{ name: "c", ports: [{ name: "dns", containerPort: 53, protocol: "UDP" }] }] });
    expect(run(control, [udp, svc("np", "NodePort", "dns")]).passed.has("Deployment/web")).toBe(true);
  });
});
