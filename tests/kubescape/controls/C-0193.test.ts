import { describe, expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0193-minimize-admission-privileged.ts";
import { namespace, run } from "./upperRangeKit.ts";

const ENFORCE = "pod-security.kubernetes.io/enforce";
const webhook = { apiVersion: "admissionregistration.k8s.io/v1", kind: "MutatingWebhookConfiguration", metadata: { name: "gatekeeper" }, webhooks: [{ name: "x", rules: [{ scope: "*" }] }] };
const clusterOnly = { apiVersion: "admissionregistration.k8s.io/v1", kind: "ValidatingWebhookConfiguration", metadata: { name: "cluster-only" }, webhooks: [{ name: "y", rules: [{ scope: "Cluster" }, {}] }] };

describe("C-0193 pod security admission (baseline)", () => {
  test("fails namespaces without a strong enough enforce label", () => {
    const out = run(control, [namespace("none"), namespace("weak", { [ENFORCE]: "privileged" }), namespace("audit-only", { "pod-security.kubernetes.io/audit": "restricted" }), clusterOnly]);
    expect([...out.failed.keys()].sort()).toEqual(["Namespace/audit-only", "Namespace/none", "Namespace/weak"]);
    expect(out.failed.get("Namespace/none")).toEqual([]);
  });
  test("passes enforce=baseline", () => {
    expect(run(control, [namespace("ok", { [ENFORCE]: "baseline" })]).passed.has("Namespace/ok")).toBe(true);
  });
  test("reports a namespaced policy webhook for review instead of the namespace", () => {
    const out = run(control, [namespace("none"), webhook, clusterOnly]);
    expect([...out.failed.keys()]).toEqual(["MutatingWebhookConfiguration/gatekeeper"]);
    expect([...out.passed]).toEqual(["ValidatingWebhookConfiguration/cluster-only"]);
  });
});
