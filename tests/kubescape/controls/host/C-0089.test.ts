import { describe, expect, test } from "bun:test";
import { control } from "../../../../src/kubescape/controls/C-0089-cve-2022-3172-aggregated-api-server-redirect.ts";
import { evaluate } from "./fixtures.ts";
import type { K8sObject } from "../../../../src/kubescape/types.ts";

const apiService = { apiVersion: "apiregistration.k8s.io/v1", kind: "APIService", metadata: { name: "v1beta1.metrics.k8s.io" }, spec: { service: { name: "metrics-server", namespace: "kube-system" } } } as K8sObject;
const localApi = { apiVersion: "apiregistration.k8s.io/v1", kind: "APIService", metadata: { name: "v1.apps" }, spec: {} } as K8sObject;
const service = { apiVersion: "v1", kind: "Service", metadata: { name: "metrics-server", namespace: "kube-system" } } as K8sObject;
const version = (gitVersion: string) => ({ apiVersion: "apiserverinfo.kubescape.cloud/v1beta0", kind: "APIServerInfo", metadata: { name: "version" }, data: { gitVersion } }) as K8sObject;

describe("C-0089 CVE-2022-3172", () => {
  test("aggregated API on an affected version fails with its Service related", () => {
    const out = evaluate(control, [apiService, localApi, service, version("v1.24.3")]);
    expect(out.map((o) => [o.name, o.status])).toEqual([["v1beta1.metrics.k8s.io", "failed"]]);
  });
  test("fixed version passes", () => {
    expect(evaluate(control, [apiService, service, version("v1.34.2")]).map((o) => o.status)).toEqual(["passed"]);
    expect(evaluate(control, [apiService, service, version("v1.24.5")]).map((o) => o.status)).toEqual(["passed"]);
  });
  test("unknown version counts as affected; APIService without its Service is skipped", () => {
    expect(evaluate(control, [apiService, service]).map((o) => o.status)).toEqual(["failed"]);
    expect(evaluate(control, [apiService, version("v1.24.3")])).toEqual([]);
  });
});
