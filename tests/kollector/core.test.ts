import { describe, expect, test } from "bun:test";
import { silentLogger } from "../../src/common/log.ts";
import { Inventory } from "../../src/kollector/inventory.ts";
import { clusterReportsUrl, cloudVendorOf } from "../../src/kollector/kollector.ts";
import { canHold, microTime } from "../../src/kollector/lease.ts";
import { NewImageTrigger, type ScanNotification } from "../../src/kollector/newImages.ts";
import { buildMessages } from "../../src/kollector/reportSocket.ts";
import type { KubeObject } from "../../src/kollector/watcher.ts";

const obj = (kind: string, name: string, extra: Record<string, unknown> = {}, meta: Record<string, unknown> = {}): KubeObject => ({ kind, metadata: { name, namespace: "ns", uid: `${kind}-${name}`, ...meta }, ...extra });
const owner = (kind: string, name: string) => ({ ownerReferences: [{ apiVersion: "apps/v1", kind, name, controller: true }] });

describe("inventory", () => {
  test("changes between two sends coalesce: create+update = create, create+delete = nothing, no-op updates dropped", () => {
    const inv = new Inventory();
    inv.apply("Service", "ADDED", obj("Service", "a", { spec: { ports: [] } }));
    inv.apply("Service", "MODIFIED", obj("Service", "a", { spec: { ports: [{ port: 80 }] } }));
    inv.apply("Service", "ADDED", obj("Service", "b"));
    inv.apply("Service", "DELETED", obj("Service", "b"));
    const first = inv.takeChanges();
    expect(first?.service?.create).toEqual([{ apiVersion: "v1", kind: "Service", metadata: { name: "a", namespace: "ns", uid: "Service-a" }, spec: { ports: [{ port: 80 }] } }]);
    expect(first?.service?.delete).toBeUndefined();
    // Only the resourceVersion changed: nothing to report.
    inv.apply("Service", "MODIFIED", obj("Service", "a", { spec: { ports: [{ port: 80 }] } }, { resourceVersion: "99", managedFields: [{}] }));
    expect(inv.takeChanges()).toBeUndefined();
    inv.apply("Service", "DELETED", obj("Service", "a"));
    expect(inv.takeChanges()?.service?.delete?.length).toBe(1);
  });

  test("secrets: metadata only, last-applied annotation dropped", () => {
    const inv = new Inventory();
    inv.apply("Secret", "ADDED", obj("Secret", "s", { data: { k: "c2VjcmV0" }, stringData: { k: "s3cr3t-plain" }, type: "Opaque" }, { annotations: { "kubectl.kubernetes.io/last-applied-configuration": '{"data":{"k":"c2VjcmV0"}}', team: "a" } }));
    const json = JSON.stringify(inv.fullSections());
    expect(json).not.toContain("c2VjcmV0");
    expect(json).not.toContain("s3cr3t-plain");
    expect(json).toContain('"team":"a"');
  });

  test("pods resolve to their top owner, even when the ReplicaSet arrives after the pod", () => {
    const inv = new Inventory();
    inv.apply("Pod", "ADDED", obj("Pod", "web-1-x", { status: { phase: "Running", podIP: "10.0.0.5", startTime: "2026-01-01T00:00:00Z" }, spec: { nodeName: "n1" } }, owner("ReplicaSet", "web-1")));
    expect(inv.takeChanges()?.pod?.create?.[0]).toMatchObject({ uptreeOwner: { kind: "ReplicaSet", name: "web-1" } });
    inv.apply("Deployment", "ADDED", obj("Deployment", "web", { spec: { template: { spec: { containers: [] } } } }));
    inv.apply("ReplicaSet", "ADDED", obj("ReplicaSet", "web-1", { spec: {} }, owner("Deployment", "web")));
    const changes = inv.takeChanges()!;
    expect(changes.pod?.update?.[0]).toEqual({ podName: "web-1-x", nodeName: "n1", podIP: "10.0.0.5", namespace: "ns", uptreeOwner: { name: "web", kind: "Deployment" }, podStatus: "Running", startedAt: "2026-01-01T00:00:00Z" });
    expect(changes.microservice?.create?.map((m: any) => m.kind)).toEqual(["Deployment"]);
  });

  test("a full report lists every current entry and supersedes pending changes", () => {
    const inv = new Inventory();
    inv.apply("Namespace", "ADDED", obj("Namespace", "ns"));
    inv.apply("Node", "ADDED", obj("Node", "n1", { status: { images: [{ names: ["big"] }], nodeInfo: { kernelVersion: "6.1" } } }));
    const full = inv.fullSections();
    expect(full.node?.create).toEqual([{ name: "n1", metadata: { name: "n1", namespace: "ns", uid: "Node-n1" }, nodeInfo: { kernelVersion: "6.1" } }]);
    expect(inv.takeChanges()).toBeUndefined();
  });
});

describe("report messages", () => {
  test("first message carries the header; big reports split under the size limit", () => {
    const create = Array.from({ length: 50 }, (_, i) => ({ name: `n${i}`, pad: "x".repeat(100) }));
    const messages = buildMessages({ node: { create }, pod: { delete: [{ podName: "p" }] } }, true, { cloudVendor: "EKS" }, 2000);
    expect(messages.length).toBeGreaterThan(3);
    expect(messages[0]).toMatchObject({ firstReport: true, cloudVendor: "EKS" });
    expect(messages.slice(1).every((m) => m.firstReport === false && m.cloudVendor === undefined)).toBe(true);
    for (const m of messages) expect(JSON.stringify(m).length).toBeLessThan(2400);
    expect(messages.flatMap((m) => m.node?.create ?? []).length).toBe(50);
    expect(messages.at(-1)?.pod?.delete).toEqual([{ podName: "p" }]);
  });

  test("sections without changes are absent", () => {
    expect(buildMessages({ service: { update: [{ a: 1 }] } }, false, {}, 1e6)).toEqual([{ firstReport: false, service: { update: [{ a: 1 }] } }]);
    expect(buildMessages({}, false, {}, 1e6)).toEqual([]);
  });

  test("report URL from http or ws bases", () => {
    expect(clusterReportsUrl("http://backend:8080", "acct", "prod cluster")).toBe("ws://backend:8080/k8s/cluster-reports?customerGUID=acct&clusterName=prod+cluster");
    expect(clusterReportsUrl("wss://report.example/", "a", "c")).toBe("wss://report.example/k8s/cluster-reports?customerGUID=a&clusterName=c");
  });

  test("cloud vendor from node providerID", () => {
    expect(cloudVendorOf([{ metadata: { name: "n" }, spec: { providerID: "gce://proj/zone/vm" } }])).toBe("GKE");
    expect(cloudVendorOf([{ metadata: { name: "n" } }])).toBe("");
  });
});

describe("lease", () => {
  const lease = (holder: string, renewTime: string) => ({ metadata: { name: "k", namespace: "ns" }, spec: { holderIdentity: holder, leaseDurationSeconds: 15, renewTime } });
  test("someone else's live lease blocks; an expired one or our own does not", () => {
    const now = Date.parse("2026-01-01T00:00:10Z");
    expect(canHold(lease("b", "2026-01-01T00:00:00.000000Z"), "a", now)).toBe(false);
    expect(canHold(lease("b", "2025-12-31T23:59:40.000000Z"), "a", now)).toBe(true);
    expect(canHold(lease("a", "2026-01-01T00:00:09.000000Z"), "a", now)).toBe(true);
    expect(canHold(undefined, "a", now)).toBe(true);
  });
  test("MicroTime has six fraction digits", () => {
    expect(microTime(new Date("2026-01-01T00:00:00.123Z"))).toBe("2026-01-01T00:00:00.123000Z");
  });
});

describe("new-image trigger", () => {
  test("one scan per new image and workload; images seen at start-up and pending pods are ignored", () => {
    const sent: ScanNotification[] = [];
    const trigger = new NewImageTrigger({ account: "a", clusterName: "c", logger: silentLogger, send: (n) => sent.push(n) });
    const pod = (name: string, image: string, phase: string) => obj("Pod", name, { spec: { containers: [{ name: "c", image }] }, status: { phase } });
    trigger.seed(pod("old", "nginx:1", "Running"));
    trigger.onPod(pod("old-2", "nginx:1", "Running"), { kind: "Deployment", name: "old" });
    trigger.onPod(pod("new-1", "app:2", "Pending"), { kind: "Deployment", name: "app" });
    expect(sent).toEqual([]);
    trigger.onPod(pod("new-1", "app:2", "Running"), { kind: "Deployment", name: "app" });
    trigger.onPod(pod("new-2", "app:2", "Running"), { kind: "Deployment", name: "app" });
    trigger.onPod(pod("new-1", "app:2", "Running"), { kind: "Deployment", name: "app" });
    expect(sent.map((n) => n.notification.commands[0]?.wlid)).toEqual(["wlid://cluster-c/namespace-ns/Deployment-app"]);
  });
});
