import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { serve, type RunningService } from "../../src/common/http/service.ts";
import { silentLogger } from "../../src/common/log.ts";
import { createHostScannerApp } from "../../src/hostscanner/server.ts";
import { buildResourceIndex } from "../../src/kubescape/engine/resourceIndex.ts";
import { collectHostData, podProxyPath, targetsFromPods, toEnvelope } from "../../src/kubescape/inputs/hostData.ts";
import { controlPlaneTree, type HostTree, insecureWorkerTree } from "./hostTree.ts";

const trees: HostTree[] = [];
const services: RunningService[] = [];

beforeAll(() => {
  for (const tree of [insecureWorkerTree(), controlPlaneTree()]) {
    trees.push(tree);
    const { app, health } = createHostScannerApp({ hostRoot: tree.root, logger: silentLogger, metadataUrl: "http://127.0.0.1:9/", metadataTimeoutMs: 300 });
    services.push(serve(app, health, silentLogger, { port: 0, hostname: "127.0.0.1", handleSignals: false }));
  }
});
afterAll(async () => {
  for (const s of services) await s.stop();
  for (const t of trees) t.remove();
});

describe("collectHostData against locally started host-scanners", () => {
  test("wraps every endpoint in hostdata envelopes named after the node; 404s are left out", async () => {
    const objects = await collectHostData(undefined, "kubescape", {
      targets: [
        { nodeName: "worker-1", baseUrl: services[0]!.url },
        { nodeName: "master-1", baseUrl: services[1]!.url },
      ],
    });
    const kinds = (node: string) => objects.filter((o) => o.metadata.name === node).map((o) => o.kind).sort();
    expect(kinds("worker-1")).toEqual(["CNIInfo", "CloudProviderInfo", "KernelVersion", "KubeProxyInfo", "KubeletInfo", "LinuxKernelVariables", "LinuxSecurityHardeningStatus", "OpenPortsList", "OsReleaseFile"]);
    expect(kinds("master-1")).toContain("ControlPlaneInfo");
    expect(kinds("master-1")).not.toContain("KubeletInfo");
    for (const o of objects) expect(o.apiVersion).toBe("hostdata.kubescape.cloud/v1beta0");
    const kubelet = objects.find((o) => o.kind === "KubeletInfo")!;
    expect((kubelet.data as { configFile: { permissions: number } }).configFile.permissions).toBe(0o644);
    expect(objects.find((o) => o.kind === "OsReleaseFile")?.data).toContain("ID=debian");
    const index = buildResourceIndex(objects);
    expect(index.hasHostData).toBe(true);
    expect(index.byKind("KubeletInfo")).toHaveLength(1);
  });

  test("an unreachable scanner yields nothing for that node, others still collected", async () => {
    const objects = await collectHostData(undefined, "kubescape", {
      targets: [
        { nodeName: "gone", baseUrl: "http://127.0.0.1:9/" },
        { nodeName: "worker-1", baseUrl: services[0]!.url },
      ],
      timeoutMs: 2000,
    });
    expect(objects.filter((o) => o.metadata.name === "gone")).toEqual([]);
    expect(objects.filter((o) => o.metadata.name === "worker-1").length).toBe(9);
  });
});

describe("pod-proxy addressing (pure)", () => {
  test("podProxyPath", () => {
    expect(podProxyPath("kubescape", "host-scanner-abcde")).toBe("/api/v1/namespaces/kubescape/pods/host-scanner-abcde:7888/proxy/");
  });

  test("targetsFromPods: running pods only, one per node, sorted", () => {
    const pod = (name: string, node: string | undefined, phase: string) => ({ metadata: { name, namespace: "ks" }, spec: { nodeName: node }, status: { phase } });
    expect(targetsFromPods([pod("hs-b", "node-b", "Running"), pod("hs-a", "node-a", "Running"), pod("hs-a", "node-a", "Running"), pod("hs-p", "node-c", "Pending"), pod("hs-x", undefined, "Running")], "ks")).toEqual([
      { nodeName: "node-a", proxyPath: "/api/v1/namespaces/ks/pods/hs-a:7888/proxy/" },
      { nodeName: "node-b", proxyPath: "/api/v1/namespaces/ks/pods/hs-b:7888/proxy/" },
    ]);
  });

  test("toEnvelope rejects malformed answers, naming the endpoint", () => {
    expect(toEnvelope("kubeletinfo", "n", "<html>")).toBeInstanceOf(Error);
    expect((toEnvelope("openedports", "n", '{"tcpPorts":"x"}') as Error).message).toContain("openedports: tcpPorts");
    expect(toEnvelope("kernelversion", "n", "6.1.0")).toEqual({ apiVersion: "hostdata.kubescape.cloud/v1beta0", kind: "KernelVersion", metadata: { name: "n" }, data: "6.1.0" });
  });
});
