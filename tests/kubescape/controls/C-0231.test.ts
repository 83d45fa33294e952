import { describe, expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0231-https-load-balancers-tls-aws.ts";
import { failedPaths, run } from "./upperRangeKit.ts";

const svc = (name: string, annotations: Record<string, string> = {}, port = 443) => ({ apiVersion: "v1", kind: "Service", metadata: { name, namespace: "a", annotations }, spec: { type: "LoadBalancer", ports: [{ port }] } });
describe("C-0231 AWS HTTPS load balancers", () => {
  test("fails a 443 LoadBalancer without the certificate annotation", () => {
    expect(failedPaths(run(control, [svc("lb")]).failed.get("Service/lb"))).toEqual(["metadata.annotations['service.beta.kubernetes.io/aws-load-balancer-ssl-cert']"]);
  });
  test("passes with the annotation and ignores other ports", () => {
    const out = run(control, [svc("lb", { "service.beta.kubernetes.io/aws-load-balancer-ssl-cert": "arn:aws:acm:x" }), svc("http", {}, 80)]);
    expect(out.passed.has("Service/lb")).toBe(true);
    expect(out.failed.has("Service/http") || out.passed.has("Service/http")).toBe(false);
  });
});
