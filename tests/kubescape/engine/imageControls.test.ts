import { describe, expect, test } from "bun:test";
import { allControls } from "../../../src/kubescape/controls/index.ts";
import { mergeControlInputs } from "../../../src/kubescape/engine/defaultInputs.ts";
import { evaluateControls } from "../../../src/kubescape/engine/evaluate.ts";
import { buildResourceIndex } from "../../../src/kubescape/engine/resourceIndex.ts";
import type { K8sObject } from "../../../src/kubescape/types.ts";

const ids = ["C-0083", "C-0084", "C-0085"];
const controls = allControls.filter((c) => ids.includes(c.id));

function pod(name: string, image: string, labels: Record<string, string>): K8sObject {
  return { apiVersion: "v1", kind: "Pod", metadata: { name, namespace: "shop", labels }, spec: { containers: [{ name: "sidecar", image: "busybox:1.36" }, { name: "app", image }] } };
}
function vulns(image: string, data: Array<{ severity: string; isRce?: boolean }>): K8sObject {
  return {
    apiVersion: "armo.vuln.images/v1",
    kind: "ImageVulnerabilities",
    metadata: { name: image },
    data: data.map((d, i) => ({ name: `CVE-2024-${1000 + i}`, severity: d.severity, categories: { isRce: d.isRce ?? false } })),
  } as K8sObject;
}
const nodePort: K8sObject = { apiVersion: "v1", kind: "Service", metadata: { name: "front", namespace: "shop" }, spec: { type: "NodePort", selector: { app: "front" }, ports: [{ port: 80 }] } };
const clusterIp: K8sObject = { apiVersion: "v1", kind: "Service", metadata: { name: "back", namespace: "shop" }, spec: { selector: { app: "back" }, ports: [{ port: 80 }] } };

const objects = [
  pod("front", "shop/front:1", { app: "front" }), // exposed, critical + RCE
  pod("back", "shop/back:1", { app: "back" }), // not exposed (ClusterIP), critical
  pod("clean", "shop/clean:1", { app: "front" }), // exposed, only Low
  nodePort,
  clusterIp,
  vulns("shop/front:1", [{ severity: "Critical", isRce: true }, { severity: "High" }]),
  vulns("shop/back:1", [{ severity: "Critical" }, { severity: "Critical" }, { severity: "Critical" }, { severity: "Critical" }, { severity: "Critical" }, { severity: "Critical" }]),
  vulns("shop/clean:1", [{ severity: "Low" }]),
];

function statuses(objs: K8sObject[], inputs = mergeControlInputs(undefined)) {
  const r = evaluateControls(buildResourceIndex(objs, { isLiveCluster: true }), controls, inputs);
  return Object.fromEntries(
    r.controls.map((c) => [c.control.id, c.status === "skipped" ? "skipped" : c.failed.map((f) => r.resources[f.resource]!.metadata.name).sort().join(",") || "none"]),
  );
}

describe("image-scan controls", () => {
  test("without ImageVulnerabilities objects they are skipped, never passed", () => {
    expect(statuses(objects.filter((o) => o.kind !== "ImageVulnerabilities"))).toEqual({ "C-0083": "skipped", "C-0084": "skipped", "C-0085": "skipped" });
  });

  test("exposed critical / exposed RCE / too many vulnerabilities", () => {
    expect(statuses(objects)).toEqual({ "C-0083": "front", "C-0084": "front", "C-0085": "back" });
  });

  test("the failing container's path and the scan as related object", () => {
    const r = evaluateControls(buildResourceIndex(objects, { isLiveCluster: true }), controls);
    const c83 = r.controls.find((c) => c.control.id === "C-0083")!;
    expect(c83.failed[0]!.paths).toEqual([{ failedPath: "status.containerStatuses[1].imageID", reviewPath: "status.containerStatuses[1].imageID" }]);
    expect(c83.failed[0]!.related?.[0]?.metadata.name).toBe("shop/front:1");
    expect(c83.counters.passed).toBe(2);
  });

  test("C-0085 follows max_critical_vulnerabilities / max_high_vulnerabilities", () => {
    expect(statuses(objects, mergeControlInputs({ max_critical_vulnerabilities: ["0"], max_high_vulnerabilities: ["10"] }))["C-0085"]).toBe("back,front");
    expect(statuses(objects, mergeControlInputs({ max_critical_vulnerabilities: ["100"], max_high_vulnerabilities: ["100"] }))["C-0085"]).toBe("none");
  });
});
