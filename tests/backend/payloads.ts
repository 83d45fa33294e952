/**
 * Report payloads in the wire shapes of spec §8.1 (PostureReport v2) and §2.4 (container scan
 * ScanResultReport), split into chunks as the real producers do.
 */
export interface PostureOptions {
  reportGUID: string;
  cluster: string;
  resources?: number;
  chunks?: number;
  generationTime?: string;
  nsaScore?: number;
  customerGUID?: string;
}

export function postureReportChunks(o: PostureOptions): Array<Record<string, unknown>> {
  const n = o.resources ?? 4;
  const chunkCount = o.chunks ?? 2;
  const resources = Array.from({ length: n }, (_, i) => ({
    resourceID: `apps/v1/ns-${i % 3}/Deployment/web-${i}`,
    object: { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: `web-${i}`, namespace: `ns-${i % 3}` } },
    source: { path: "", relativePath: "" },
  }));
  const results = resources.map((r, i) => ({
    resourceID: r.resourceID,
    controls: [
      {
        controlID: "C-0017",
        name: "Immutable container filesystem",
        status: { status: i % 2 === 0 ? "failed" : "passed" },
        rules: [
          {
            name: "immutable-container-filesystem",
            status: i % 2 === 0 ? "failed" : "passed",
            paths: i % 2 === 0 ? [{ failedPath: "spec.template.spec.containers[0].securityContext.readOnlyRootFilesystem", fixPath: { path: "spec.template.spec.containers[0].securityContext.readOnlyRootFilesystem", value: "true" } }] : [],
          },
        ],
      },
      { controlID: "C-0057", name: "Privileged container", status: { status: "passed" }, rules: [] },
    ],
  }));
  const failed = Math.ceil(n / 2);
  const summaryDetails = {
    score: o.nsaScore ?? 72.5,
    complianceScore: o.nsaScore ?? 72.5,
    ResourceCounters: { passedResources: n - failed, failedResources: failed, excludedResources: 0 },
    frameworks: [
      {
        name: "NSA",
        score: o.nsaScore ?? 72.5,
        complianceScore: o.nsaScore ?? 72.5,
        version: "v1.0.0",
        controls: {
          "C-0017": { controlID: "C-0017", name: "Immutable container filesystem", status: "failed", scoreFactor: 3, complianceScore: 50, ResourceCounters: { passedResources: n - failed, failedResources: failed } },
          "C-0057": { controlID: "C-0057", name: "Privileged container", status: "passed", scoreFactor: 8, complianceScore: 100, ResourceCounters: { passedResources: n, failedResources: 0 } },
        },
      },
      { name: "MITRE", score: 90, complianceScore: 90, controls: { "C-0057": { controlID: "C-0057", name: "Privileged container", status: "passed", scoreFactor: 8 } } },
    ],
    controls: {
      "C-0017": { controlID: "C-0017", name: "Immutable container filesystem", status: "failed", scoreFactor: 3, complianceScore: 50, ResourceCounters: { passedResources: n - failed, failedResources: failed } },
      "C-0057": { controlID: "C-0057", name: "Privileged container", status: "passed", scoreFactor: 8, complianceScore: 100, ResourceCounters: { passedResources: n, failedResources: 0 } },
    },
  };
  const per = Math.ceil(n / chunkCount);
  return Array.from({ length: chunkCount }, (_, c) => ({
    ...(c === 0
      ? {
          generationTime: o.generationTime ?? new Date().toISOString(),
          clusterAPIServerInfo: { major: "1", minor: "34", gitVersion: "v1.34.2" },
          clusterCloudProvider: "",
          customerGUID: o.customerGUID,
          clusterName: o.cluster,
          reportGUID: o.reportGUID,
          jobID: "job-1",
          summaryDetails,
          metadata: { scanMetadata: { targetType: "Framework", targetNames: ["nsa", "mitre"] } },
        }
      : { customerGUID: o.customerGUID, clusterName: o.cluster, reportGUID: o.reportGUID }),
    resources: resources.slice(c * per, (c + 1) * per),
    results: results.slice(c * per, (c + 1) * per),
    paginationInfo: { chunkNumber: c, isLastChunk: c === chunkCount - 1 },
  }));
}

export interface ContainerScanOptions {
  scanId: string;
  cluster: string;
  namespace?: string;
  workload?: string;
  image?: string;
  chunks?: number;
  customerGUID?: string;
}

export function containerScanChunks(o: ContainerScanOptions): Array<Record<string, unknown>> {
  const ns = o.namespace ?? "default";
  const wl = o.workload ?? "web";
  const vulns = [
    { name: "CVE-2023-1111", severity: "Critical", packageName: "openssl", packageVersion: "3.0.1", fixedIn: [{ name: "openssl", version: "3.0.9" }], link: "https://nvd.example/CVE-2023-1111", description: "overflow" },
    { name: "CVE-2023-2222", severity: "High", packageName: "curl", packageVersion: "7.88.0", fixedIn: [], link: "", description: "" },
    { name: "CVE-2023-3333", severity: "Low", packageName: "zlib", packageVersion: "1.2.13", fixedIn: [{ name: "zlib", version: "1.3" }] },
  ].map((v) => ({ designators: {}, containersScanID: o.scanId, wlid: "", isFixed: v.fixedIn.length > 0 ? 1 : 0, vulnerability: v }));
  const attrs = { cluster: o.cluster, namespace: ns, kind: "deployment", name: wl, containerName: "app", customerGUID: o.customerGUID ?? "" };
  const chunkCount = o.chunks ?? 2;
  const per = Math.ceil(vulns.length / chunkCount);
  return Array.from({ length: chunkCount }, (_, c) => ({
    designators: { designatorType: "Attributes", attributes: attrs },
    ...(c === 0
      ? {
          summary: {
            containersScanID: o.scanId,
            wlid: `wlid://cluster-${o.cluster}/namespace-${ns}/deployment-${wl}`,
            imageTag: o.image ?? "nginx:1.25",
            imageHash: "sha256:0123",
            cluster: o.cluster,
            namespace: ns,
            containerName: "app",
            severitiesStats: [],
            jobIDs: ["job-2"],
          },
        }
      : {}),
    containersScanID: o.scanId,
    vulnerabilities: vulns.slice(c * per, (c + 1) * per),
    paginationInfo: { chunkNumber: c, isLastChunk: c === chunkCount - 1 },
    timestamp: Math.floor(Date.now() / 1000),
  }));
}
