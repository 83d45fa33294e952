import { describe, expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0263-ingress-uses-tls.ts";
import { fixPaths, run } from "./upperRangeKit.ts";

const ing = (tls?: unknown) => ({ apiVersion: "networking.k8s.io/v1", kind: "Ingress", metadata: { name: "i", namespace: "a" }, spec: { rules: [], ...(tls ? { tls } : {}) } });
describe("C-0263 ingress TLS", () => {
  test("fails without tls", () => {
    expect(fixPaths(run(control, [ing()]).failed.get("Ingress/i"))).toEqual([{ path: "spec.tls", value: "<your-tls-definition>" }]);
  });
  test("passes with tls", () => {
    expect(run(control, [ing([{ hosts: ["a"], secretName: "s" }])]).passed.has("Ingress/i")).toBe(true);
  });
});
