import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { allControls } from "../../../src/kubescape/controls/index.ts";
import { evaluateControls } from "../../../src/kubescape/engine/evaluate.ts";
import { parseExceptions } from "../../../src/kubescape/engine/exceptions.ts";
import type { ScanResult } from "../../../src/kubescape/engine/results.ts";
import { snapshotFromPaths } from "../../../src/kubescape/inputs/snapshot.ts";
import type { ReportContext } from "../../../src/kubescape/report/context.ts";
import { hostControl, hostPidControl, privilegedControl } from "../engine/helpers.ts";

export const SAMPLE_YAML = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: bad-web
  namespace: shop
spec:
  replicas: 3
  template:
    spec:
      hostPID: true
      containers:
        - name: web
          image: nginx:1.27
          securityContext:
            privileged: true
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: good-web
  namespace: shop
spec:
  template:
    spec:
      containers:
        - name: web
          image: nginx:1.27
---
apiVersion: v1
kind: Pod
metadata:
  name: "debug <&>"
  namespace: kube-system
spec:
  containers:
    - name: dbg
      image: busybox
      securityContext:
        privileged: true
`;

/** A file scan of SAMPLE_YAML with test controls, one exception, and the real skipped controls. */
export async function sampleScan(): Promise<{ result: ScanResult; ctx: ReportContext; file: string; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), "ks-report-"));
  const file = join(dir, "workloads.yaml");
  writeFileSync(file, SAMPLE_YAML);
  const snap = await snapshotFromPaths([file]);
  const exceptions = parseExceptions([{ name: "system", resources: [{ attributes: { namespace: "kube-system" } }], posturePolicies: [{ controlID: "C-0057" }] }]);
  const skipped = allControls.filter((c) => c.implementation === "manual").slice(0, 2);
  const result = evaluateControls(snap.index, [privilegedControl, hostPidControl, hostControl, ...skipped], undefined, exceptions, { frameworks: ["NSA"] });
  const ctx: ReportContext = {
    generationTime: "2026-01-02T03:04:05Z",
    reportGUID: "0b1c2d3e-0000-4000-8000-000000000001",
    targetType: "Framework",
    targetNames: ["NSA"],
    scannedPaths: [file],
    kubescapeVersion: "v0.1.0",
  };
  return { result, ctx, file, dir };
}
