import { KEY_A, type TestBackend } from "./harness.ts";
import { containerScanChunks, postureReportChunks } from "./payloads.ts";

const DAY = 86_400_000;

/** Reports in the real wire shapes: 30 days of posture history, image scans, jobs, inventory. */
export async function seedCluster(b: TestBackend, cluster = "prod", key = KEY_A): Promise<void> {
  for (let d = 29; d >= 0; d--) {
    const score = 55 + (29 - d) * 0.8 + ((d * 7) % 5);
    for (const c of postureReportChunks({ reportGUID: `${cluster}-day-${d}`, cluster, chunks: 2, resources: 12, nsaScore: score, generationTime: new Date(Date.now() - d * DAY - 3_600_000).toISOString() })) {
      const r = await b.post(`/k8s/v2/postureReport?clusterName=${cluster}`, c, key);
      if (!r.ok) throw new Error(`seed posture: ${r.status} ${await r.text()}`);
    }
  }
  const images: Array<[string, string, string]> = [["shop", "web", "nginx:1.25"], ["shop", "api", "node:20"], ["kube-system", "dns", "coredns:1.11"]];
  for (const [i, [ns, wl, image]] of images.entries()) {
    for (const c of containerScanChunks({ scanId: `${cluster}-scan-${i}`, cluster, namespace: ns, workload: wl, image })) await b.post("/k8s/v2/containerScan", c, key);
  }
  await b.post("/k8s/sysreport", { reporter: "Websocket", action: "kubescapeScan", status: "started", jobID: `${cluster}-job-root`, target: `wlid://cluster-${cluster}/`, timestamp: new Date().toISOString() }, key);
  await b.post("/k8s/sysreport", { reporter: "ca-vuln-scan", action: "vuln scan", status: "done", jobID: `${cluster}-job-child`, parentAction: `${cluster}-job-root`, target: `wlid://cluster-${cluster}/namespace-shop/deployment-web`, timestamp: new Date().toISOString() }, key);
  await b.store.applyInventory("acct-a", cluster, [
    { kind: "node", key: "node-1", namespace: "", name: "node-1", body: { name: "node-1" } },
    { kind: "pod", key: "shop/web-1", namespace: "shop", name: "web-1", body: { podName: "web-1", namespace: "shop" } },
    { kind: "namespace", key: "shop", namespace: "", name: "shop", body: { metadata: { name: "shop" } } },
  ], Date.now(), { serverVersion: "v1.34.2" });
}
