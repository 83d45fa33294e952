import { describe, expect, test } from "bun:test";
import { evaluateControls } from "../../../src/kubescape/engine/evaluate.ts";
import { parseExceptions } from "../../../src/kubescape/engine/exceptions.ts";
import { buildResourceIndex } from "../../../src/kubescape/engine/resourceIndex.ts";
import { deployment, hostPidControl, privilegedControl } from "./helpers.ts";

const objects = [
  deployment("agent", { namespace: "kube-system", privileged: true }),
  deployment("web", { namespace: "shop", privileged: true, labels: { team: "payments" } }),
  deployment("api", { namespace: "shop", privileged: true, hostPID: true }),
];
const index = buildResourceIndex(objects, { isLiveCluster: true });

describe("posture exceptions", () => {
  test("namespace regex + control ID: excepted results reported, not dropped", () => {
    const exceptions = parseExceptions([
      {
        name: "system-namespaces",
        policyType: "postureExceptionPolicy",
        actions: ["alertOnly"],
        resources: [{ designatorType: "Attributes", attributes: { namespace: "kube-.*" } }],
        posturePolicies: [{ controlID: "C-0057" }],
      },
    ]);
    const r = evaluateControls(index, [privilegedControl], undefined, exceptions);
    const c = r.controls[0]!;
    expect(c.counters).toEqual({ passed: 0, failed: 2, excepted: 1 });
    expect(r.resources[c.excepted[0]!.resource]!.metadata.name).toBe("agent");
    expect(c.excepted[0]!.exceptions).toEqual(["system-namespaces"]);
    expect(c.complianceScore).toBeCloseTo(33.33, 1);
  });

  test("label attribute, all failures excepted → control status excepted", () => {
    const exceptions = parseExceptions({
      name: "everything-in-shop",
      resources: [{ attributes: { namespace: "shop" } }, { attributes: { team: "nobody" } }, { attributes: { namespace: "kube-system", kind: "Deployment", name: "agent" } }],
    });
    const r = evaluateControls(index, [privilegedControl], undefined, exceptions);
    expect(r.controls[0]!.status).toBe("excepted");
    expect(r.controls[0]!.subStatus).toBe("w/exceptions");
    expect(r.controls[0]!.riskScore).toBe(0);
    const labelOnly = parseExceptions({ name: "payments", resources: [{ attributes: { team: "pay.*" } }] });
    const r2 = evaluateControls(index, [privilegedControl], undefined, labelOnly);
    expect(r2.controls[0]!.excepted.map((e) => r2.resources[e.resource]!.metadata.name)).toEqual(["web"]);
  });

  test("framework-scoped exception applies only to controls of that framework; names are anchored", () => {
    const exceptions = parseExceptions([
      { name: "only-devops", resources: [{ attributes: { name: "api" } }], posturePolicies: [{ frameworkName: "DevOpsBest" }] },
      { name: "partial-name", resources: [{ attributes: { name: "ap" } }] },
    ]);
    // C-0038 is in NSA/MITRE/..., not in DevOpsBest.
    const r = evaluateControls(index, [hostPidControl], undefined, exceptions);
    expect(r.controls[0]!.counters.failed).toBe(1);
    expect(r.controls[0]!.counters.excepted).toBe(0);
  });

  test("actions other than alertOnly do not except; invalid documents are rejected with the field", () => {
    const ex = parseExceptions([{ name: "x", actions: ["somethingElse"], resources: [{ attributes: { namespace: ".*" } }] }]);
    const r = evaluateControls(index, [privilegedControl], undefined, ex);
    expect(r.controls[0]!.counters.excepted).toBe(0);
    expect(() => parseExceptions([{ name: 3 }])).toThrow(/0\.name/);
  });
});
