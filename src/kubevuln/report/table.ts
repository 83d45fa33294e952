import { severityRank } from "../db/severity.ts";
import type { Finding, Sbom } from "../types.ts";

export function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort((a, b) => severityRank(b.severity) - severityRank(a.severity) || a.package.name.localeCompare(b.package.name) || a.id.localeCompare(b.id));
}

function render(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.min(60, Math.max(...rows.map((r) => r[c]!.length))));
  return rows.map((r) => r.map((cell, c) => (c === r.length - 1 ? cell : cell.slice(0, widths[c]).padEnd(widths[c]!))).join("  ")).join("\n");
}

/** Human-readable findings: one row per vulnerability and package, most severe first. */
export function findingsTable(sbom: Sbom, findings: Finding[]): string {
  const head = `${sbom.source.name}${sbom.source.digest ? ` (${sbom.source.digest})` : ""}: ${sbom.packages.length} packages${sbom.distro ? `, ${sbom.distro.prettyName ?? `${sbom.distro.id} ${sbom.distro.versionId}`}` : ""}`;
  if (findings.length === 0) return `${head}\nno vulnerabilities found`;
  const counts = new Map<string, number>();
  for (const f of findings) counts.set(f.severity, (counts.get(f.severity) ?? 0) + 1);
  const summary = ["Critical", "High", "Medium", "Low", "Negligible", "Unknown"].filter((s) => counts.has(s)).map((s) => `${s} ${counts.get(s)}`).join(", ");
  const rows = [["NAME", "INSTALLED", "FIXED-IN", "TYPE", "VULNERABILITY", "SEVERITY", "ALIASES"]];
  for (const f of sortFindings(findings)) {
    rows.push([f.package.name, f.installedVersion, f.fixedVersions.join(", ") || (f.fixState === "wont-fix" ? "(won't fix)" : ""), f.package.type, f.id, f.severity, f.aliases.join(" ")]);
  }
  return `${head}\n${findings.length} vulnerabilities (${summary})\n\n${render(rows)}`;
}

/** Packages as a table (for `ks sbom --format table`). */
export function packagesTable(sbom: Sbom): string {
  const rows = [["NAME", "VERSION", "TYPE", "SOURCE"]];
  for (const p of sbom.packages) rows.push([p.name, p.version, p.type, p.sourceName && p.sourceName !== p.name ? p.sourceName : ""]);
  return render(rows);
}
