import { VERSION } from "../../common/version.ts";
import type { Finding, Package, Sbom, Severity } from "../types.ts";
import { isSpdxExpression, spdxId } from "./licenses.ts";

export interface DocumentContext {
  /** ISO time of the document (injected so output is reproducible in tests). */
  timestamp: string;
  /** A UUID for the document's serial number / namespace. */
  uuid: string;
}

type CdxLicense = { license: { id: string } | { name: string } } | { expression: string };

function cdxLicenses(names: string[]): CdxLicense[] {
  const out: CdxLicense[] = [];
  for (const name of names) {
    const id = spdxId(name);
    if (id && !id.endsWith("+")) out.push({ license: { id } });
    else if (/\s(AND|OR|WITH)\s/.test(name) && isSpdxExpression(name)) out.push({ expression: name });
    else out.push({ license: { name } });
  }
  // CycloneDX allows either licences or one expression
  const expression = out.find((l) => "expression" in l);
  return expression && out.length > 1 ? out.filter((l) => !("expression" in l)) : out;
}

export function bomRef(pkg: Package, index: number): string {
  return `${pkg.purl}#${index}`;
}

function component(pkg: Package, index: number) {
  const properties = [
    { name: "ks:package:type", value: pkg.type },
    ...pkg.locations.map((l, i) => ({ name: `ks:location:${i}:path`, value: l.path })),
    ...pkg.locations.filter((l) => l.layerDigest).map((l, i) => ({ name: `ks:location:${i}:layerDigest`, value: l.layerDigest! })),
    ...(pkg.sourceName && pkg.sourceName !== pkg.name ? [{ name: "ks:package:sourceName", value: pkg.sourceName }] : []),
    ...(pkg.sourceVersion ? [{ name: "ks:package:sourceVersion", value: pkg.sourceVersion }] : []),
    ...Object.entries(pkg.metadata ?? {}).map(([k, v]) => ({ name: `ks:metadata:${k}`, value: v })),
  ];
  const licenses = cdxLicenses(pkg.licenses);
  return {
    "bom-ref": bomRef(pkg, index),
    type: "library" as const,
    name: pkg.name,
    version: pkg.version,
    purl: pkg.purl,
    ...(licenses.length ? { licenses } : {}),
    properties,
  };
}

const CDX_SEVERITY: Record<Severity, string> = { Critical: "critical", High: "high", Medium: "medium", Low: "low", Negligible: "info", Unknown: "unknown" };

function cvssMethod(vector: string | undefined): string {
  if (!vector) return "other";
  if (vector.startsWith("CVSS:4")) return "CVSSv4";
  if (vector.startsWith("CVSS:3.1")) return "CVSSv31";
  if (vector.startsWith("CVSS:3")) return "CVSSv3";
  return "CVSSv2";
}

/** CycloneDX 1.5 JSON: the image as metadata.component, packages as components, findings as vulnerabilities. */
export function toCycloneDx(sbom: Sbom, ctx: DocumentContext, findings?: Finding[]) {
  const refs = new Map<Package, string>();
  const components: Array<Record<string, unknown>> = sbom.packages.map((p, i) => {
    refs.set(p, bomRef(p, i));
    return component(p, i);
  });
  if (sbom.distro) {
    components.unshift({
      "bom-ref": `os:${sbom.distro.id}@${sbom.distro.versionId}`,
      type: "operating-system",
      name: sbom.distro.id,
      version: sbom.distro.versionId,
      ...(sbom.distro.prettyName ? { description: sbom.distro.prettyName } : {}),
    });
  }
  const doc: Record<string, unknown> = {
    $schema: "http://cyclonedx.org/schema/bom-1.5.schema.json",
    bomFormat: "CycloneDX",
    specVersion: "1.5",
    serialNumber: `urn:uuid:${ctx.uuid}`,
    version: 1,
    metadata: {
      timestamp: ctx.timestamp,
      tools: { components: [{ type: "application", name: "ks", version: VERSION }] },
      component: {
        "bom-ref": "image",
        type: sbom.source.type === "rootfs" ? "file" : "container",
        name: sbom.source.name,
        ...(sbom.source.digest ? { version: sbom.source.digest } : {}),
      },
    },
    components,
  };
  if (findings) {
    doc.vulnerabilities = findings.map((f) => ({
      "bom-ref": `${f.id}#${refs.get(f.package) ?? f.package.purl}`,
      id: f.id,
      source: { name: f.matchDetails.ecosystem },
      ...(f.urls[0] ? { references: f.aliases.map((a) => ({ id: a, source: { name: "alias" } })) } : {}),
      ratings: [{ severity: CDX_SEVERITY[f.severity], ...(f.cvssScore !== undefined ? { score: f.cvssScore } : {}), method: cvssMethod(f.cvssVector), ...(f.cvssVector ? { vector: f.cvssVector } : {}) }],
      ...(f.summary ? { description: f.summary } : {}),
      ...(f.fixedVersions.length ? { recommendation: `Upgrade ${f.package.name} to ${f.fixedVersions.join(" or ")}` } : {}),
      affects: [{ ref: refs.get(f.package) ?? f.package.purl, versions: [{ version: f.installedVersion, status: "affected" }] }],
    }));
  }
  return doc;
}
