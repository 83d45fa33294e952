import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { networkInterfaces } from "node:os";
import { KubeConfig } from "../../src/common/kube.ts";
import { serve, type RunningService } from "../../src/common/http/service.ts";
import { silentLogger } from "../../src/common/log.ts";
import { createHostScannerApp } from "../../src/hostscanner/server.ts";
import { collectHostData } from "../../src/kubescape/inputs/hostData.ts";
import { sharedControlPlane } from "../cluster/shared.ts";
import { type HostTree, insecureWorkerTree } from "./hostTree.ts";

/**
 * The real pod-proxy path: the apiserver proxies `pods/<pod>:<port>/proxy/...` straight to the
 * pod IP. No kubelet runs here, so the test writes the pod's status (Running, podIP) the way a
 * kubelet would, with this machine's own address as the pod IP and a host-scanner listening on
 * it. The apiserver refuses loopback pod IPs, hence the non-loopback interface address.
 */
const ns = `hostscan-it-${Date.now().toString(36)}`;
let kc: KubeConfig;
let tree: HostTree;
let scanner: RunningService;
const hostIp = Object.values(networkInterfaces())
  .flat()
  .find((a) => a && a.family === "IPv4" && !a.internal)?.address;

const api = async (method: string, path: string, body?: unknown, contentType = "application/json") => {
  const res = await kc.fetch(path, { method, headers: { "content-type": contentType }, body: body === undefined ? undefined : JSON.stringify(body) });
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status}: ${(await res.text()).slice(0, 200)}`);
  return res.json();
};

beforeAll(async () => {
  const cp = await sharedControlPlane();
  kc = new KubeConfig();
  kc.loadFromFile(cp.kubeconfigPath);
  tree = insecureWorkerTree();
  const { app, health } = createHostScannerApp({ hostRoot: tree.root, logger: silentLogger, metadataUrl: "http://127.0.0.1:9/", metadataTimeoutMs: 300 });
  scanner = serve(app, health, silentLogger, { port: 0, hostname: hostIp ?? "0.0.0.0", handleSignals: false });
  await api("POST", "/api/v1/namespaces", { metadata: { name: ns } });
  const pod = (name: string, node: string, labels: Record<string, string>) => ({
    metadata: { name, labels },
    spec: { nodeName: node, containers: [{ name: "host-sensor", image: "ks:local", ports: [{ name: "scanner", containerPort: scanner.port }] }] },
  });
  await api("POST", `/api/v1/namespaces/${ns}/pods`, pod("host-scanner-aaaaa", "worker-a", { name: "host-scanner" }));
  await api("POST", `/api/v1/namespaces/${ns}/pods`, pod("host-scanner-bbbbb", "worker-b", { app: "host-scanner" }));
  await api("POST", `/api/v1/namespaces/${ns}/pods`, pod("host-scanner-ccccc", "worker-c", { "app.kubernetes.io/name": "host-scanner" }));
  await api("POST", `/api/v1/namespaces/${ns}/pods`, pod("unrelated", "worker-d", { app: "web" }));
  for (const name of ["host-scanner-aaaaa", "host-scanner-ccccc", "unrelated"]) {
    await api("PATCH", `/api/v1/namespaces/${ns}/pods/${name}/status`, { status: { phase: "Running", podIP: hostIp, podIPs: [{ ip: hostIp }] } }, "application/merge-patch+json");
  }
}, 180_000);

afterAll(async () => {
  await scanner?.stop();
  tree?.remove();
});

describe("collectHostData through the real apiserver pod proxy", () => {
  test("finds running host-scanner pods by label (app.kubernetes.io/name, name or app) and fetches every endpoint through pods/<pod>:<port>/proxy", async () => {
    expect(hostIp).toBeDefined();
    const objects = await collectHostData(kc, ns, { timeoutMs: 10_000 });
    const hostKinds = objects.filter((o) => o.apiVersion === "hostdata.kubescape.cloud/v1beta0");
    // worker-b's pod is Pending (never scheduled to run): skipped. The unlabeled pod is not a scanner.
    expect([...new Set(hostKinds.map((o) => o.metadata.name))].sort()).toEqual(["worker-a", "worker-c"]);
    expect(hostKinds.filter((o) => o.metadata.name === "worker-a").map((o) => o.kind).sort()).toEqual(["CNIInfo", "CloudProviderInfo", "KernelVersion", "KubeProxyInfo", "KubeletInfo", "LinuxKernelVariables", "LinuxSecurityHardeningStatus", "OpenPortsList", "OsReleaseFile"]);
    const kubelet = hostKinds.find((o) => o.kind === "KubeletInfo") as unknown as { data: { configFile: { permissions: number } } };
    expect(kubelet.data.configFile.permissions).toBe(0o644);
    const version = objects.find((o) => o.kind === "APIServerInfo") as unknown as { apiVersion: string; data: { gitVersion: string } };
    expect(version.apiVersion).toBe("apiserverinfo.kubescape.cloud/v1beta0");
    expect(version.data.gitVersion).toMatch(/^v1\.34\./);
  }, 60_000);
});
