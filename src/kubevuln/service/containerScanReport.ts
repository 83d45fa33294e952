import { chunkByJsonSize } from "../../common/reporter.ts";
import type { BaseReport } from "../../common/wire/systemReport.ts";
import { parseReference } from "../image/reference.ts";
import type { Finding, Sbom, Severity } from "../types.ts";
import type { ScanCommand } from "./schemas.ts";
import { parseWlid } from "./wlid.ts";

export const CHUNK_BYTES = 30_000;
const SEVERITY_ORDER: Severity[] = ["Critical", "High", "Medium", "Low", "Negligible", "Unknown"];

export interface ReportInput {
  command: ScanCommand;
  accountId: string;
  clusterName: string;
  sbom: Sbom;
  findings: Finding[];
  /** Unix seconds (injected so the core stays pure). */
  now: number;
}

function imageParts(imageTag: string): { registryName: string; repository: string; tag: string } {
  try {
    const ref = parseReference(imageTag);
    return { registryName: ref.registry, repository: ref.repository, tag: ref.tag ?? "" };
  } catch {
    return { registryName: "", repository: imageTag, tag: "" };
  }
}

/** Stable id of one container's scan result: same workload, container, image and findings → same id. */
export function containersScanId(input: ReportInput): string {
  const h = new Bun.CryptoHasher("sha256");
  h.update([input.accountId, input.command.wlid ?? "", input.command.containerName ?? "", input.sbom.source.digest || input.command.imageHash || input.command.imageTag].join("\n"));
  return h.digest("hex").slice(0, 32);
}

/** containerscan/v1 ScanResultReport chunks of about 30 KB; `summary` only in the first (wire spec §2.4). */
export function containerScanChunks(input: ReportInput): Array<Record<string, unknown>> {
  const { command, sbom, findings } = input;
  const wlid = parseWlid(command.wlid);
  const cluster = wlid.cluster || input.clusterName;
  const image = imageParts(command.imageTag);
  const scanId = containersScanId(input);
  const imageHash = command.imageHash || sbom.source.digest || "";
  const attributes = {
    cluster,
    namespace: wlid.namespace,
    kind: wlid.kind,
    name: wlid.name,
    containerName: command.containerName ?? "",
    customerGUID: input.accountId,
    registryName: image.registryName,
    repository: image.repository,
    tag: image.tag,
    sensor: "kubevuln",
  };
  const designators = { designatorType: "Attributes", attributes };
  const context = Object.entries(attributes)
    .filter(([, v]) => v)
    .map(([attribute, value]) => ({ attribute, value, source: "designators.attributes" }));
  const vulnerabilities = findings.map((f) => ({
    name: f.id,
    imageTag: command.imageTag,
    imageHash,
    wlid: command.wlid ?? "",
    containersScanID: scanId,
    packageName: f.package.name,
    packageVersion: f.installedVersion,
    packageType: f.package.type,
    purl: f.package.purl,
    link: f.urls[0] ?? "",
    relevantLinks: f.urls,
    relatedIds: f.aliases,
    description: f.summary ?? "",
    severity: f.severity,
    severityScore: f.cvssScore !== undefined ? Math.round(f.cvssScore * 100) : 0,
    fixedIn: f.fixedVersions.map((version) => ({ name: f.package.name, imageTag: "", version })),
    isFixed: f.fixedVersions.length > 0 ? 1 : 0,
    layers: f.package.locations.filter((l) => l.layerDigest).map((l) => ({ layerHash: l.layerDigest })),
    matchDetails: f.matchDetails,
    categories: { isRce: false },
    context,
  }));
  const severitiesStats = SEVERITY_ORDER.map((severity) => {
    const of = findings.filter((f) => f.severity === severity);
    return { severity, total: of.length, fixedTotal: of.filter((f) => f.fixedVersions.length > 0).length };
  }).filter((s) => s.total > 0);
  const summary = {
    customerGUID: input.accountId,
    containersScanID: scanId,
    wlid: command.wlid ?? "",
    imageTag: command.imageTag,
    imageHash,
    cluster,
    namespace: wlid.namespace,
    containerName: command.containerName ?? "",
    designators,
    context,
    severitiesStats,
    jobIDs: [...(command.session?.jobIDs ?? []), ...(command.jobID ? [command.jobID] : [])],
    packagesCount: sbom.packages.length,
    status: "Success",
    timestamp: input.now,
  };
  const groups = chunkByJsonSize(vulnerabilities, CHUNK_BYTES);
  return groups.map((group, i) => ({
    designators,
    ...(i === 0 ? { summary } : {}),
    containersScanID: scanId,
    vulnerabilities: group,
    paginationInfo: { chunkNumber: i, isLastChunk: i === groups.length - 1 },
    timestamp: input.now,
  }));
}

/** Job status for /k8s/sysreport (wire spec §2.4, §8.3). */
export function scanStatusReport(command: ScanCommand, accountId: string, status: BaseReport["status"], details: string, nowIso: string, errors?: string[]): BaseReport {
  const seq = (command.actionIDN ?? 0) + 1;
  return {
    customerGUID: accountId,
    reporter: "ca-vuln-scan",
    target: command.wlid || command.imageTag,
    status,
    action: "vuln scan",
    actionID: String(seq),
    numSeq: seq,
    jobID: command.jobID ?? "",
    ...(command.parentJobID ? { parentAction: command.parentJobID } : {}),
    details,
    timestamp: nowIso,
    ...(errors?.length ? { errors } : {}),
  };
}
