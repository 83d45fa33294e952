import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { serve, type RunningService } from "../../src/common/http/service.ts";
import { silentLogger } from "../../src/common/log.ts";
import { createHostScannerApp } from "../../src/hostscanner/server.ts";
import { allControls } from "../../src/kubescape/controls/index.ts";
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

describe("host controls on real host-scanner output", () => {
  test("the insecure worker fails exactly the checks its prepared tree violates; the CIS-clean control plane passes its file checks", async () => {
    const objects = await collectHostData(undefined, "kubescape", {
      targets: [
        { nodeName: "worker-1", baseUrl: services[0]!.url },
        { nodeName: "master-1", baseUrl: services[1]!.url },
      ],
    });
    const index = buildResourceIndex(objects, { isLiveCluster: true });
    const host = allControls.filter((c) => c.implementation === "host");
    expect(host.length).toBe(59);
    const verdicts = new Map<string, string>();
    for (const c of host) {
      for (const r of c.evaluate(index, {}).results) verdicts.set(`${c.id} ${r.object.metadata.name}`, r.status);
    }
    const failed = (node: string) => [...verdicts].filter(([k, v]) => k.endsWith(` ${node}`) && v === "failed").map(([k]) => k.split(" ")[0]).sort();
    // worker: config 0644 (fails 600 checks, passes 644 ones), anonymous auth on, AlwaysAllow,
    // read-only port, --hostname-override, no client CA, no TLS cert, weak defaults, kube-proxy
    // kubeconfig 0666 owned by etcd, CNI config 0644, Flannel only.
    expect(failed("worker-1")).toEqual(["C-0069", "C-0070", "C-0100", "C-0162", "C-0164", "C-0165", "C-0170", "C-0172", "C-0173", "C-0174", "C-0175", "C-0177", "C-0179", "C-0181", "C-0184", "C-0205", "C-0230", "C-0284"]);
    expect(verdicts.get("C-0235 worker-1")).toBe("passed");
    expect(verdicts.get("C-0166 worker-1")).toBe("passed");
    // control plane tree: every file check passes; no API-server TLS or encryption gaps in files.
    expect(failed("master-1").filter((id) => Number(id!.slice(2)) <= 112)).toEqual([]);
    expect(verdicts.get("C-0103 master-1")).toBe("passed");
    expect(verdicts.get("C-0142 master-1")).toBe("passed");
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
