import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { silentLogger } from "../../src/common/log.ts";
import { EventReceiverClient } from "../../src/common/reporter.ts";
import { ReportSocket } from "../../src/kollector/reportSocket.ts";
import { buildPostureReport } from "../../src/kubescape/report/postureReport.ts";
import { runScan } from "../../src/kubescape/scan.ts";
import { submitPostureReport } from "../../src/kubescape/service/submit.ts";
import { containerScanChunks } from "../../src/kubevuln/service/containerScanReport.ts";
import type { Finding, Package } from "../../src/kubevuln/types.ts";
import { waitFor } from "../support/ports.ts";
import { KEY_A, type TestBackend, testBackend } from "./harness.ts";

/** The project's own report producers (kubescape, kubevuln, kollector code) posting to the backend. */
describe("reports from the real producers", () => {
  let b: TestBackend;
  let client: EventReceiverClient;
  const dir = mkdtempSync(join(tmpdir(), "ks-producers-"));

  beforeAll(async () => {
    b = await testBackend();
    client = new EventReceiverClient({ baseUrl: b.url, accessKey: KEY_A, logger: silentLogger });
  });
  afterAll(async () => {
    await b.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  test("kubescape: a scanned manifest's chunked PostureReport shows up with failing resources and fixes", async () => {
    const file = join(dir, "web.yaml");
    writeFileSync(file, `apiVersion: apps/v1
kind: Deployment
metadata: { name: web, namespace: shop }
spec:
  replicas: 1
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers:
        - name: web
          image: nginx:1.25
          securityContext: { privileged: true }
`);
    const { result, context } = await runScan({ targetType: "framework", targetNames: ["nsa"], paths: [file], clusterName: "prod" });
    const report = buildPostureReport(result, { ...context, customerGUID: "acct-a", clusterName: "prod" });
    const chunks = submitPostureReport(client, report, { customerGUID: "acct-a", clusterName: "prod", maxBytes: 1500 });
    expect(chunks).toBeGreaterThan(1);
    await client.flush();
    expect(client.dropped).toBe(0);
    const posture = await (await b.get("/api/v1/posture?cluster=prod")).json();
    const nsa = posture.find((p: { framework: string }) => p.framework.toLowerCase() === "nsa");
    const expected = (report.summaryDetails.frameworks as Array<{ name: string; complianceScore: number }>).find((f) => f.name.toLowerCase() === "nsa")!;
    expect(nsa.compliance).toBeCloseTo(expected.complianceScore, 5);
    const controls = await (await b.get("/api/v1/controls?cluster=prod")).json();
    const privileged = controls.find((c: { controlId: string }) => c.controlId === "C-0057");
    expect(privileged).toMatchObject({ status: "failed", failedResources: 1 });
    expect(privileged.remediation.length).toBeGreaterThan(0);
    const resources = await (await b.get("/api/v1/controls/C-0057/resources?cluster=prod")).json();
    expect(resources[0]).toMatchObject({ kind: "Deployment", namespace: "shop", name: "web" });
    expect(resources[0].failedPaths.join(" ")).toContain("privileged");
  });

  test("kubevuln: container scan chunks land, and a rescan with the same scan id replaces the counts", async () => {
    const pkg: Package = { name: "openssl", version: "3.0.1", type: "deb", purl: "pkg:deb/debian/openssl@3.0.1", locations: [], licenses: [] };
    const finding = (id: string, severity: Finding["severity"], fixed: string[]): Finding => ({
      id, aliases: [], package: pkg, installedVersion: "3.0.1", fixedVersions: fixed, fixState: fixed.length ? "fixed" : "not-fixed", severity, summary: "x".repeat(400), urls: [`https://osv.dev/${id}`],
      matchDetails: { advisoryId: id, ecosystem: "Debian:12", packageName: "openssl", range: "<3.0.9" },
    });
    const findings = Array.from({ length: 120 }, (_, i) => finding(`CVE-2026-${1000 + i}`, i % 4 === 0 ? "Critical" : "Medium", i % 2 ? ["3.0.9"] : []));
    const command = { imageTag: "nginx:1.25", imageHash: "sha256:aaaa", wlid: "wlid://cluster-prod/namespace-shop/deployment-web", containerName: "web", jobID: "job-v1" };
    const sbom = { source: { type: "image" as const, name: "nginx:1.25", digest: "sha256:aaaa" }, packages: [pkg] };
    const first = containerScanChunks({ command, accountId: "acct-a", clusterName: "prod", sbom, findings, now: 1_800_000_000 });
    expect(first.length).toBeGreaterThan(1);
    for (const c of [...first].reverse()) client.send("/k8s/v2/containerScan", { customerGUID: "acct-a" }, c);
    await client.flush();
    let images = await (await b.get("/api/v1/images?cluster=prod")).json();
    expect(images.map((i: { critical: number; medium: number; fixable: number }) => [i.critical, i.medium, i.fixable])).toEqual([[30, 90, 60]]);
    // Same container, later scan, fewer findings: same containersScanID, new timestamp.
    const second = containerScanChunks({ command, accountId: "acct-a", clusterName: "prod", sbom, findings: findings.slice(0, 8), now: 1_800_000_600 });
    expect(second[0]!.containersScanID).toBe(first[0]!.containersScanID);
    for (const c of second) client.send("/k8s/v2/containerScan", { customerGUID: "acct-a" }, c);
    await client.flush();
    images = await (await b.get("/api/v1/images?cluster=prod")).json();
    expect(images.map((i: { critical: number; medium: number; workloadName: string }) => [i.workloadName, i.critical, i.medium])).toEqual([["web", 2, 6]]);
  });

  test("kollector: the report socket's full report and diffs become the inventory", async () => {
    let sections: Record<string, unknown> = {
      node: { create: [{ name: "node-1" }] },
      pod: { create: [{ podName: "web-1", nodeName: "node-1", podIP: "10.0.0.1", namespace: "shop", uptreeOwner: { name: "web", kind: "Deployment" }, podStatus: "Running" }] },
    };
    let changes: Record<string, unknown> | undefined;
    const socket = new ReportSocket({
      url: `${b.url.replace("http", "ws")}/k8s/cluster-reports?customerGUID=acct-a&clusterName=prod`,
      accessKey: KEY_A,
      logger: silentLogger,
      fullSections: () => sections as never,
      takeChanges: () => {
        const c = changes;
        changes = undefined;
        return c as never;
      },
      header: async () => ({ clusterAPIServerVersion: { gitVersion: "v1.34.2" }, cloudVendor: "none" }),
      batchIntervalMs: 50,
    });
    socket.start();
    try {
      await waitFor("full report", async () => (await (await b.get("/api/v1/inventory?cluster=prod")).json()).length === 2);
      changes = { pod: { delete: [{ podName: "web-1", namespace: "shop" }] } };
      await waitFor("pod deletion", async () => (await (await b.get("/api/v1/inventory?cluster=prod&kind=pod")).json()).length === 0);
      expect((await (await b.get("/api/v1/inventory?cluster=prod")).json()).map((i: { name: string }) => i.name)).toEqual(["node-1"]);
    } finally {
      socket.stop();
    }
  });
});
