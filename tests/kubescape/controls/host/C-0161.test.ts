import { describe, expect, test } from "bun:test";
import { control } from "../../../../src/kubescape/controls/C-0161-ensure-that-the-audit-policy-covers-key-security.ts";
import { envelope, evaluate } from "./fixtures.ts";

const withPolicy = (yaml: string) => envelope("ControlPlaneInfo", { APIServerInfo: { cmdLine: "kube-apiserver", auditPolicyFile: { path: "/etc/audit.yaml", content: Buffer.from(yaml).toString("base64") } } });

const GOOD = `apiVersion: audit.k8s.io/v1
kind: Policy
rules:
- level: Metadata
  resources:
  - group: ""
    resources: ["secrets", "configmaps", "tokenreviews"]
- level: Metadata
  resources:
  - group: ""
    resources: ["pods/exec", "pods/portforward", "pods/proxy", "services/proxy"]
- level: None
`;

describe("C-0161 audit policy content", () => {
  test("a policy covering the sensitive resources passes", () => {
    expect(evaluate(control, [withPolicy(GOOD)]).map((o) => o.status)).toEqual(["passed"]);
  });
  test("logging secrets' bodies, or not logging exec, fails with one finding per gap", () => {
    const [out] = evaluate(control, [withPolicy("rules:\n- level: RequestResponse\n  resources:\n  - group: \"\"\n    resources: [secrets]\n- level: None\n")]);
    expect(out?.status).toBe("failed");
    expect(out?.paths.map((p) => p.reviewPath)).toContain("secrets should be logged at Metadata (got RequestResponse)");
    expect(out?.paths.map((p) => p.reviewPath)).toContain("pods/exec is not logged");
  });
  test("no audit policy file at all fails", () => {
    expect(evaluate(control, [envelope("ControlPlaneInfo", { APIServerInfo: { cmdLine: "kube-apiserver" } })]).map((o) => o.status)).toEqual(["failed"]);
  });
});
