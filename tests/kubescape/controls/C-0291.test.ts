import { describe, expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0291-kube-proxy-metrics-localhost.ts";
import { failedPaths, run } from "./upperRangeKit.ts";

const cm = (conf: string, ns = "kube-system") => ({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "kube-proxy", namespace: ns }, data: { "config.conf": conf } });
describe("C-0291 kube-proxy metrics on localhost", () => {
  test("fails a non-loopback metricsBindAddress", () => {
    expect(failedPaths(run(control, [cm("apiVersion: kubeproxy.config.k8s.io/v1alpha1\nmetricsBindAddress: 0.0.0.0:10249\n")]).failed.get("ConfigMap/kube-proxy"))).toEqual(["data.config.conf"]);
  });
  test("passes loopback and the empty default; ignores other namespaces", () => {
    expect(run(control, [cm("metricsBindAddress: 127.0.0.1:10249")]).passed.has("ConfigMap/kube-proxy")).toBe(true);
    expect(run(control, [cm('metricsBindAddress: ""')]).passed.has("ConfigMap/kube-proxy")).toBe(true);
    const other = run(control, [cm("metricsBindAddress: 0.0.0.0:10249", "default")]);
    expect(other.failed.size + other.passed.size).toBe(0);
  });
});
