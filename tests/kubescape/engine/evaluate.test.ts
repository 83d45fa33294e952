import { describe, expect, test } from "bun:test";
import { clusterScope, evaluateControls, HOST_DATA_MISSING, LIVE_CLUSTER_ONLY, NOT_IMPLEMENTED } from "../../../src/kubescape/engine/evaluate.ts";
import { buildResourceIndex } from "../../../src/kubescape/engine/resourceIndex.ts";
import { planScan } from "../../../src/kubescape/engine/selection.ts";
import { allControls } from "../../../src/kubescape/controls/index.ts";
import { daemonSet, deployment, hostControl, hostPidControl, node, privilegedControl, throwingControl } from "./helpers.ts";

const live = { isLiveCluster: true };

describe("evaluateControls", () => {
  test("passed and failed resources with their paths", () => {
    const index = buildResourceIndex([deployment("good"), deployment("bad", { privileged: true })], live);
    const result = evaluateControls(index, [privilegedControl]);
    const c = result.controls[0]!;
    expect(c.status).toBe("failed");
    expect(c.counters).toEqual({ passed: 1, failed: 1, excepted: 0 });
    expect(result.resources[c.failed[0]!.resource]!.metadata.name).toBe("bad");
    expect(c.failed[0]!.paths).toEqual([{ failedPath: "spec.template.spec.containers[0].securityContext.privileged" }]);
    expect(c.complianceScore).toBe(50);
    expect(result.resourceIds).toContain("apps/v1/default/Deployment/bad");
  });

  test("identical path lists are shared across failed resources (memory), values preserved", () => {
    const index = buildResourceIndex([deployment("a", { privileged: true }), deployment("b", { privileged: true })], live);
    const c = evaluateControls(index, [privilegedControl]).controls[0]!;
    expect(c.failed[0]!.paths).toBe(c.failed[1]!.paths);
    expect(c.failed[0]!.paths).toEqual([{ failedPath: "spec.template.spec.containers[0].securityContext.privileged" }]);
    let calls = 0;
    evaluateControls(index, [privilegedControl, hostPidControl], undefined, [], { afterControl: () => calls++ });
    expect(calls).toBe(2);
  });

  test("a control with no relevant resource is passed/irrelevant: compliance 100, risk 0 (kubescape)", () => {
    const index = buildResourceIndex([{ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "x", namespace: "a" } }], live);
    const result = evaluateControls(index, [privilegedControl]);
    expect(result.controls[0]!.status).toBe("passed");
    expect(result.controls[0]!.subStatus).toBe("irrelevant");
    expect(result.controls[0]!.complianceScore).toBe(100);
    expect(result.complianceScore).toBe(100);
    expect(result.riskScore).toBe(0);
  });

  test("skipped controls are reported but left out of the compliance average", () => {
    const index = buildResourceIndex([deployment("ok"), deployment("bad", { privileged: true })], live);
    // C-0069 (host) is skipped for lack of host data; C-0057 fails 1 of 2.
    const r = evaluateControls(index, [privilegedControl, hostControl]);
    expect(r.controls[1]!.complianceScore).toBeUndefined();
    expect(r.complianceScore).toBe(50);
    const files = evaluateControls(buildResourceIndex([deployment("ok")]), [privilegedControl, { ...hostPidControl, id: "C-0036" }]);
    expect(files.controls[1]!.outOfScope).toBe(true);
    expect(files.complianceScore).toBe(100);
  });

  test("host controls are skipped without host data and run with it", () => {
    const without = evaluateControls(buildResourceIndex([deployment("a")], live), [hostControl]);
    expect(without.controls[0]!.status).toBe("skipped");
    expect(without.controls[0]!.skipReason).toBe(HOST_DATA_MISSING);
    const kubelet = { apiVersion: "hostdata.kubescape.cloud/v1beta0", kind: "KubeletInfo", metadata: { name: "node-1" } };
    const withData = evaluateControls(buildResourceIndex([kubelet], live), [hostControl]);
    expect(withData.controls[0]!.status).toBe("failed");
  });

  test("cloud, image and manual controls are skipped with their reason, never passed", () => {
    const skippedKinds = allControls.filter((c) => ["cloud", "image", "manual"].includes(c.implementation));
    expect(skippedKinds.length).toBeGreaterThanOrEqual(32);
    const result = evaluateControls(buildResourceIndex([deployment("a", { privileged: true })], live), skippedKinds);
    for (const c of result.controls) {
      expect(c.status).toBe("skipped");
      expect(c.skipReason?.length).toBeGreaterThan(5);
    }
    expect(result.controlCounters.skipped).toBe(skippedKinds.length);
  });

  test("cluster-only controls are skipped on file scans as kubescape does, or run with strictFileScope=false", () => {
    // C-0038 (host PID/IPC) has scanningScope cluster+file; C-0036 is cluster-only.
    const clusterOnly = { ...hostPidControl, id: "C-0036" };
    const strict = evaluateControls(buildResourceIndex([deployment("a", { hostPID: true })]), [hostPidControl, clusterOnly]);
    expect(strict.controls[0]!.status).toBe("failed");
    expect(strict.controls[1]!.status).toBe("skipped");
    expect(strict.controls[1]!.skipReason).toBe(LIVE_CLUSTER_ONLY);
    expect(strict.controls[1]!.outOfScope).toBe(true);
    const all = evaluateControls(buildResourceIndex([deployment("a", { hostPID: true })]), [hostPidControl, clusterOnly], undefined, [], { strictFileScope: false });
    expect(all.controls.map((c) => c.status)).toEqual(["failed", "failed"]);
    const live = evaluateControls(buildResourceIndex([deployment("a", { hostPID: true })], { isLiveCluster: true }), [clusterOnly]);
    expect(live.controls[0]!.status).toBe("failed");
  });

  test("EKS/AKS-only controls run only on clusters whose nodes say so (kubescape scanningScope)", () => {
    // C-0231 (HTTPS load balancers, AWS) has scanningScope [EKS].
    const eksOnly = { ...hostPidControl, id: "C-0231" };
    const workload = deployment("a", { hostPID: true });
    const plain = evaluateControls(buildResourceIndex([workload, node("n1")], live), [eksOnly]);
    expect(plain.controls[0]!.status).toBe("skipped");
    expect(plain.controls[0]!.skipReason).toBe("applies to EKS clusters only (this cluster: cluster)");
    const awsNode = { ...node("n1"), spec: { providerID: "aws:///eu-west-1a/i-0abc" } };
    const eks = evaluateControls(buildResourceIndex([workload, awsNode], live), [eksOnly]);
    expect(eks.controls[0]!.status).toBe("failed");
    expect(clusterScope(buildResourceIndex([{ ...node("x"), spec: { providerID: "azure:///subscriptions/s/vm" } }], live))).toBe("AKS");
    expect(clusterScope(buildResourceIndex([awsNode]))).toBe("file");
  });

  test("a throwing control is skipped with the error and the scan goes on", () => {
    const errors: string[] = [];
    const result = evaluateControls(buildResourceIndex([deployment("a", { privileged: true })], live), [throwingControl, privilegedControl], undefined, [], {
      onControlError: (id) => errors.push(id),
    });
    expect(result.controls[0]!.status).toBe("skipped");
    expect(result.controls[0]!.skipReason).toContain("boom");
    expect(result.controls[1]!.status).toBe("failed");
    expect(errors).toEqual(["C-0017"]);
  });

  test("missing controls are reported skipped as not implemented", () => {
    const result = evaluateControls(buildResourceIndex([], live), [], undefined, [], { missingControlIds: ["C-0002"] });
    expect(result.controls[0]!.control.name).toBe("Prevent containers from allowing command execution");
    expect(result.controls[0]!.skipReason).toBe(NOT_IMPLEMENTED);
  });
});

describe("scores", () => {
  test("risk score weighs replicas and DaemonSet node counts; compliance counts resources", () => {
    const objects = [deployment("big-bad", { privileged: true, replicas: 8 }), deployment("small-good", { replicas: 2 }), daemonSet("agent", false), node("n1"), node("n2")];
    const result = evaluateControls(buildResourceIndex(objects, live), [privilegedControl]);
    const c = result.controls[0]!;
    // kubescape weights: replicas × 1.1 above one replica, DaemonSet × nodes:
    // 8 × 1.1 = 8.8 (bad) + 2 × 1.1 = 2.2 + 2 nodes = 13; failed 8.8
    expect(c.riskScore).toBeCloseTo((8.8 / 13) * 100, 1);
    expect(c.complianceScore).toBeCloseTo((2 / 3) * 100, 1);
    const ds = daemonSet("agent2", true);
    (ds as any).status = { desiredNumberScheduled: 5 };
    const r2 = evaluateControls(buildResourceIndex([ds, deployment("ok", { replicas: 5 }), deployment("one", { replicas: 1 })], live), [privilegedControl]);
    // DaemonSet 5 (its status wins over the node count), 5 replicas 5.5, 1 replica 1
    expect(r2.controls[0]!.riskScore).toBeCloseTo((5 / 11.5) * 100, 1);
  });

  test("framework scores: compliance averaged over controls, risk weighted by base score", () => {
    const objects = [deployment("a", { privileged: true }), deployment("b"), deployment("c"), deployment("d", { hostPID: true })];
    // NSA contains both C-0057 and C-0038.
    const result = evaluateControls(buildResourceIndex(objects, live), [privilegedControl, hostPidControl], undefined, [], { frameworks: ["NSA"] });
    const nsa = result.frameworks[0]!;
    expect(nsa.name).toBe("NSA");
    expect(nsa.complianceScore).toBe(75); // (75 + 75) / 2
    const [p, h] = result.controls;
    // Σ base × failed weight / Σ base × all weight: 1 of 4 single-replica objects failed each control.
    const expectedRisk = ((1 * p!.control.baseScore + 1 * h!.control.baseScore) / (4 * p!.control.baseScore + 4 * h!.control.baseScore)) * 100;
    expect(nsa.riskScore).toBeCloseTo(expectedRisk, 1);
    expect(nsa.status).toBe("failed");
    expect(nsa.resourceCounters).toEqual({ passed: 2, failed: 2, excepted: 0 });
    expect(result.resourceCounters.failed).toBe(2);
  });
});

describe("planScan", () => {
  test("framework names are case-insensitive and expand to their controls", () => {
    const plan = planScan({ frameworks: ["nsa"] }, [privilegedControl, hostPidControl]);
    expect(plan.frameworks).toEqual(["NSA"]);
    expect(plan.controls.map((c) => c.id)).toEqual(["C-0038", "C-0057"]);
    expect(plan.missingControlIds.length + plan.controls.length).toBe(26);
  });
  test("empty selection = every framework; control IDs select controls", () => {
    const all = planScan({}, []);
    expect(all.frameworks.length).toBe(17);
    expect(all.frameworks).toContain("cis-v1.10.0");
    expect(all.missingControlIds.length).toBe(281);
    const ids = planScan({ controlIds: ["c-0057"] }, [privilegedControl]);
    expect(ids.controls.map((c) => c.id)).toEqual(["C-0057"]);
    expect(ids.frameworks).toEqual([]);
  });
  test("unknown names are errors", () => {
    expect(() => planScan({ frameworks: ["nope"] }, [])).toThrow(/unknown framework nope/);
    expect(() => planScan({ controlIds: ["C-9999"] }, [])).toThrow(/unknown control C-9999/);
  });
});
