import { VERSION } from "../../common/version.ts";
import type { Finding, Sbom, Severity } from "../types.ts";
import { sortFindings } from "./table.ts";

const LEVEL: Record<Severity, "error" | "warning" | "note"> = { Critical: "error", High: "error", Medium: "warning", Low: "note", Negligible: "note", Unknown: "warning" };

/** SARIF 2.1.0: one rule per advisory, one result per vulnerable package location. */
export function toSarif(sbom: Sbom, findings: Finding[]) {
  const sorted = sortFindings(findings);
  const rules = new Map<string, Record<string, unknown>>();
  for (const f of sorted) {
    if (rules.has(f.id)) continue;
    rules.set(f.id, {
      id: f.id,
      name: f.id.replace(/[^A-Za-z0-9]/g, ""),
      shortDescription: { text: f.summary ? f.summary.slice(0, 200) : `${f.id} in ${f.package.name}` },
      ...(f.urls[0] ? { helpUri: f.urls[0] } : {}),
      help: { text: `${f.id}${f.aliases.length ? ` (${f.aliases.join(", ")})` : ""}: ${f.fixedVersions.length ? `fixed in ${f.fixedVersions.join(", ")}` : "no fix available"}` },
      properties: { "security-severity": String(f.cvssScore ?? { Critical: 9.5, High: 8, Medium: 5.5, Low: 2, Negligible: 0.5, Unknown: 0 }[f.severity]), tags: ["security", "vulnerability"] },
    });
  }
  const ruleIndex = new Map([...rules.keys()].map((id, i) => [id, i]));
  return {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: { driver: { name: "ks image scan", version: VERSION, informationUri: "https://github.com/kubescape/kubescape", rules: [...rules.values()] } },
        results: sorted.map((f) => ({
          ruleId: f.id,
          ruleIndex: ruleIndex.get(f.id),
          level: LEVEL[f.severity],
          message: {
            text: `${f.package.name} ${f.installedVersion} is affected by ${f.id} (${f.severity})${f.fixedVersions.length ? `; fixed in ${f.fixedVersions.join(", ")}` : ""}. Image: ${sbom.source.name}`,
          },
          locations: f.package.locations.slice(0, 1).map((l) => ({
            physicalLocation: { artifactLocation: { uri: l.path.replace(/^\//, "") } },
            logicalLocations: [{ name: f.package.name, fullyQualifiedName: f.package.purl, kind: "package" }],
          })),
          partialFingerprints: { "package/vulnerability": `${f.package.purl}|${f.id}` },
        })),
      },
    ],
  };
}
