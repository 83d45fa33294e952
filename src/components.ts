/**
 * The components `ks` can run. Each entry loads its module only when chosen, so `ks --help`
 * and every component start fast. Only real, working components are listed here.
 */
export interface ComponentModule {
  /** Runs the component; resolves to the process exit code for commands that finish. */
  run(argv: string[]): Promise<number | void>;
}

export interface ComponentEntry {
  name: string;
  summary: string;
  load: () => Promise<ComponentModule>;
}

export const components: ComponentEntry[] = [
  // component entries (keep sorted by role: services first, then CLI tools)
  { name: "backend", summary: "self-hosted event receiver, master gateway, dashboard and API", load: () => import("./backend/main.ts") },
  { name: "kubevuln", summary: "image vulnerability scanning service: POST /v1/scanImage, /v1/scanRegistryImage, /v1/generateSBOM", load: () => import("./kubevuln/service/main.ts") },
  { name: "kubescape", summary: "posture-scan service: POST /v1/scan, status, results, metrics; reports to the event receiver", load: () => import("./kubescape/service/main.ts") },
  { name: "gateway", summary: "routes commands to websocket clients by attributes (in-cluster edge or master)", load: () => import("./gateway/main.ts") },
  { name: "kollector", summary: "live cluster inventory to the event receiver; scans of new images", load: () => import("./kollector/main.ts") },
  { name: "host-scanner", summary: "per-node facts (kubelet, control plane, ports, kernel) for host-based controls", load: () => import("./hostscanner/main.ts") },
  { name: "operator", summary: "runs commands from the gateway, CronJobs or REST: scans, image scans, recurring-scan CronJobs, croner", load: () => import("./operator/main.ts") },
  { name: "http-request", summary: "send one HTTP request (the recurring-scan CronJob container)", load: () => import("./httprequest/main.ts") },
  { name: "image", summary: "image vulnerability scan: ks image scan REF|--oci-dir|--archive|--rootfs (table, json, cyclonedx, spdx, sarif)", load: () => import("./kubevuln/cli/imageScan.ts") },
  { name: "sbom", summary: "software bill of materials of an image (CycloneDX 1.5, SPDX 2.3, json)", load: () => import("./kubevuln/cli/sbomCommand.ts") },
  { name: "vulndb", summary: "import OSV advisories into the vulnerability database; show its status", load: () => import("./kubevuln/db/cli.ts") },
  { name: "scan", summary: "posture scan of manifests, Helm charts or the live cluster (frameworks, controls, every report format)", load: () => import("./kubescape/cli/main.ts") },
];
