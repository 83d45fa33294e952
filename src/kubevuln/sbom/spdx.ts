import { VERSION } from "../../common/version.ts";
import type { Package, Sbom } from "../types.ts";
import type { DocumentContext } from "./cyclonedx.ts";
import { isSpdxExpression, licenseRef, spdxId } from "./licenses.ts";

function spdxRef(kind: string, text: string, index: number): string {
  return `SPDXRef-${kind}-${text.replace(/[^A-Za-z0-9.-]+/g, "-").slice(0, 80)}-${index}`;
}

/** licenseDeclared: an SPDX expression; free-text names become LicenseRef-… (declared in hasExtractedLicensingInfos). */
function declared(pkg: Package, extracted: Map<string, string>): string {
  if (pkg.licenses.length === 0) return "NOASSERTION";
  const parts = pkg.licenses.map((name) => {
    const id = spdxId(name);
    if (id) return id;
    if (isSpdxExpression(name)) return `(${name})`;
    const ref = licenseRef(name);
    extracted.set(ref, name);
    return ref;
  });
  return parts.length === 1 ? parts[0]!.replace(/^\((.*)\)$/, "$1") : parts.join(" AND ");
}

/** SPDX 2.3 JSON: one package for the image, one per package found, CONTAINS relationships. */
export function toSpdx(sbom: Sbom, ctx: DocumentContext) {
  const extracted = new Map<string, string>();
  const imageId = "SPDXRef-Image";
  const packages = sbom.packages.map((p, i) => ({
    SPDXID: spdxRef("Package", `${p.type}-${p.name}`, i),
    name: p.name,
    versionInfo: p.version,
    downloadLocation: "NOASSERTION",
    filesAnalyzed: false,
    licenseConcluded: "NOASSERTION",
    licenseDeclared: declared(p, extracted),
    copyrightText: "NOASSERTION",
    ...(p.sourceName && p.sourceName !== p.name ? { sourceInfo: `built from source package ${p.sourceName}${p.sourceVersion ? ` ${p.sourceVersion}` : ""}` } : {}),
    comment: `found at ${p.locations.map((l) => l.path).join(", ")}`,
    externalRefs: [{ referenceCategory: "PACKAGE-MANAGER", referenceType: "purl", referenceLocator: p.purl }],
  }));
  const created = ctx.timestamp.replace(/\.\d+Z$/, "Z");
  return {
    spdxVersion: "SPDX-2.3",
    dataLicense: "CC0-1.0",
    SPDXID: "SPDXRef-DOCUMENT",
    name: sbom.source.name,
    documentNamespace: `https://kubescape.io/spdxdocs/ks/${encodeURIComponent(sbom.source.name)}-${ctx.uuid}`,
    creationInfo: { created, creators: [`Tool: ks-${VERSION}`] },
    packages: [
      {
        SPDXID: imageId,
        name: sbom.source.name,
        ...(sbom.source.digest ? { versionInfo: sbom.source.digest } : {}),
        downloadLocation: "NOASSERTION",
        filesAnalyzed: false,
        licenseConcluded: "NOASSERTION",
        licenseDeclared: "NOASSERTION",
        copyrightText: "NOASSERTION",
        primaryPackagePurpose: sbom.source.type === "rootfs" ? "FILE" : "CONTAINER",
        ...(sbom.distro ? { comment: `operating system: ${sbom.distro.prettyName ?? `${sbom.distro.id} ${sbom.distro.versionId}`}` } : {}),
      },
      ...packages,
    ],
    ...(extracted.size ? { hasExtractedLicensingInfos: [...extracted].map(([licenseId, name]) => ({ licenseId, extractedText: name, name })) } : {}),
    relationships: [
      { spdxElementId: "SPDXRef-DOCUMENT", relationshipType: "DESCRIBES", relatedSpdxElement: imageId },
      ...packages.map((p) => ({ spdxElementId: imageId, relationshipType: "CONTAINS", relatedSpdxElement: p.SPDXID })),
    ],
  };
}
