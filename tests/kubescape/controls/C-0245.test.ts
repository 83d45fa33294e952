import { describe, expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0245-https-load-balancers-tls-aks.ts";
import type { K8sObject } from "../../../src/kubescape/types.ts";
import { failedPaths, fixPaths, run } from "./upperRangeKit.ts";

const INTERNAL = "service.beta.kubernetes.io/azure-load-balancer-internal";
const lb = (name: string, annotations: Record<string, string> = {}) => ({ apiVersion: "v1", kind: "Service", metadata: { name, namespace: "a", annotations }, spec: { type: "LoadBalancer" } });
const ing = (name: string, tls: boolean, cls?: string): K8sObject => ({ apiVersion: "networking.k8s.io/v1", kind: "Ingress", metadata: { name, namespace: "a", annotations: cls ? { "kubernetes.io/ingress.class": cls } : ({} as Record<string, string>) }, spec: tls ? { tls: [{ secretName: "s" }] } : {} });
describe("C-0245 AKS HTTPS load balancers", () => {
  test("fails a public LoadBalancer and an Ingress without TLS behind an internal one", () => {
    expect(fixPaths(run(control, [lb("pub")]).failed.get("Service/pub"))).toEqual([{ path: `metadata.annotations[${INTERNAL}]`, value: "true" }]);
    expect(failedPaths(run(control, [lb("int", { [INTERNAL]: "true" }), ing("i", false)]).failed.get("Ingress/i"))).toEqual(["spec.tls"]);
  });
  test("passes an internal LoadBalancer with an Application Gateway TLS Ingress", () => {
    const out = run(control, [lb("int", { [INTERNAL]: "true" }), ing("i", true, "azure/application-gateway")]);
    expect(out.failed.size).toBe(0);
    expect(out.passed.has("Ingress/i")).toBe(true);
  });
});
