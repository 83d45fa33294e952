import { z } from "zod";
import type { ImageScanIngest, VulnerabilityRow } from "../store/types.ts";
import { PaginationSchema } from "./postureReport.ts";

/** containerscan/v1 `ScanResultReport` chunks (wire spec §2.4); `summary` only in the first. */
const FixSchema = z.object({ version: z.string().optional(), name: z.string().optional() }).loose();

const VulnerabilitySchema = z
  .object({
    name: z.string().optional(),
    severity: z.string().optional(),
    packageName: z.string().optional(),
    packageVersion: z.string().optional(),
    link: z.string().optional(),
    description: z.string().optional(),
    fixedIn: z.array(FixSchema).nullish(),
    isFixed: z.union([z.number(), z.boolean()]).optional(),
  })
  .loose();

// Items are either the vulnerability itself or `{vulnerability: {...}, ...}` (ContainerScanVulnerabilityResult).
const VulnerabilityItemSchema = z.object({ vulnerability: VulnerabilitySchema.optional() }).loose().and(VulnerabilitySchema);

const AttributesSchema = z.record(z.string(), z.unknown());

export const ContainerScanChunkSchema = z
  .object({
    containersScanID: z.string().min(1, "containersScanID is required"),
    designators: z.object({ attributes: AttributesSchema.optional() }).loose().nullish(),
    summary: z
      .object({
        wlid: z.string().optional(),
        imageTag: z.string().optional(),
        imageHash: z.string().optional(),
        imageID: z.string().optional(),
        cluster: z.string().optional(),
        namespace: z.string().optional(),
        containerName: z.string().optional(),
      })
      .loose()
      .nullish(),
    vulnerabilities: z.array(VulnerabilityItemSchema).nullish(),
    paginationInfo: PaginationSchema.optional(),
    timestamp: z.number().optional(),
  })
  .loose();
export type ContainerScanChunk = z.infer<typeof ContainerScanChunkSchema>;

export function mergeContainerScanChunks(chunks: ContainerScanChunk[]): ContainerScanChunk {
  const merged: ContainerScanChunk = { ...chunks[0]!, vulnerabilities: [] };
  for (const c of chunks) {
    merged.vulnerabilities!.push(...(c.vulnerabilities ?? []));
    merged.summary ??= c.summary;
    merged.designators ??= c.designators;
    merged.timestamp ??= c.timestamp;
  }
  return merged;
}

/** `wlid://cluster-c/namespace-ns/deployment-web` → its parts. */
export function parseWlid(wlid: string): { cluster: string; namespace: string; kind: string; name: string } {
  const out = { cluster: "", namespace: "", kind: "", name: "" };
  const body = wlid.replace(/^wlid:\/\//, "");
  for (const seg of body.split("/")) {
    const dash = seg.indexOf("-");
    if (dash < 0) continue;
    const key = seg.slice(0, dash);
    const value = seg.slice(dash + 1);
    if (key === "cluster") out.cluster = value;
    else if (key === "namespace") out.namespace = value;
    else if (!out.kind) {
      out.kind = key;
      out.name = value;
    }
  }
  return out;
}

const text = (v: unknown) => (typeof v === "string" ? v : v === undefined || v === null ? "" : String(v));

export function imageScanIngest(scan: ContainerScanChunk, fallbackCluster: string, receivedAt: number): ImageScanIngest {
  const attrs = scan.designators?.attributes ?? {};
  const s = scan.summary ?? {};
  const fromWlid = parseWlid(s.wlid ?? "");
  const vulnerabilities: VulnerabilityRow[] = (scan.vulnerabilities ?? []).map((item) => {
    const v = { ...item, ...(item.vulnerability ?? {}) };
    const fixVersions = (v.fixedIn ?? []).map((f) => f.version ?? "").filter((x) => x !== "" && x !== "None");
    return {
      cve: v.name ?? "",
      package: v.packageName ?? "",
      version: v.packageVersion ?? "",
      severity: v.severity || "Unknown",
      fixVersions,
      link: v.link ?? "",
      description: (v.description ?? "").slice(0, 2000),
    };
  }).filter((v) => v.cve !== "");
  return {
    scanId: scan.containersScanID,
    cluster: s.cluster || text(attrs.cluster) || fromWlid.cluster || fallbackCluster,
    namespace: s.namespace || text(attrs.namespace) || fromWlid.namespace,
    workloadKind: text(attrs.kind) || fromWlid.kind,
    workloadName: text(attrs.name) || fromWlid.name,
    container: s.containerName || text(attrs.containerName),
    imageTag: s.imageTag || text(attrs.tag),
    imageHash: s.imageHash || s.imageID || "",
    wlid: s.wlid ?? "",
    scannedAt: scan.timestamp ? (scan.timestamp < 1e12 ? scan.timestamp * 1000 : scan.timestamp) : receivedAt,
    vulnerabilities,
  };
}
