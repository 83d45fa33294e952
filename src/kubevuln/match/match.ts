import type { AdvisoryRow, AffectedRow, VulnDb } from "../db/store.ts";
import { maxSeverity, severityRank } from "../db/severity.ts";
import type { Finding, Package, Sbom, Severity } from "../types.ts";
import { comparatorFor } from "../versions/index.ts";
import { lookupTargets } from "./ecosystems.ts";
import { evaluateAffected } from "./ranges.ts";

interface RawMatch {
  advisory: AdvisoryRow;
  row: AffectedRow;
  fixed: string[];
  range: string;
}

function idPreference(id: string): number {
  if (id.startsWith("CVE-")) return 0;
  if (id.startsWith("GHSA-")) return 1;
  return 2;
}

function severityOf(m: RawMatch): Severity {
  return m.advisory.severity !== "Unknown" ? m.advisory.severity : (m.row.severity ?? "Unknown");
}

/** All advisories that affect one package, before merging aliases. */
function rawMatches(pkg: Package, sbom: Sbom, db: VulnDb): RawMatch[] {
  const out = new Map<string, RawMatch>();
  for (const target of lookupTargets(pkg, sbom.distro)) {
    const cmp = comparatorFor(target.format);
    for (const name of target.names) {
      for (const row of db.lookup(target.ecosystem, name)) {
        if (out.has(row.advisoryId)) continue;
        const advisory = db.advisory(row.advisoryId);
        if (!advisory || advisory.withdrawn) continue;
        const verdict = evaluateAffected(pkg.version, row.ranges, row.versions, cmp);
        if (verdict.affected) out.set(row.advisoryId, { advisory, row, fixed: verdict.fixed, range: verdict.range });
      }
    }
  }
  return [...out.values()];
}

/**
 * Merges advisories of one vulnerability into one finding: records that share an id or alias
 * (CVE ↔ GHSA ↔ PYSEC ↔ GO) form a family. A distro advisory (DSA) that lists CVEs as related
 * joins each matching CVE family as an alias instead of standing alone.
 */
function mergeFamilies(pkg: Package, matches: RawMatch[], cmp: (a: string, b: string) => number): Finding[] {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let root = x;
    while (parent.get(root) !== root && parent.has(root)) root = parent.get(root)!;
    parent.set(x, root);
    return root;
  };
  const union = (a: string, b: string) => {
    if (!parent.has(a)) parent.set(a, a);
    if (!parent.has(b)) parent.set(b, b);
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(rb, ra);
  };
  for (const m of matches) {
    union(m.advisory.id, m.advisory.id);
    for (const alias of m.advisory.aliases) union(m.advisory.id, alias);
  }
  const families = new Map<string, RawMatch[]>();
  for (const m of matches) {
    const root = find(m.advisory.id);
    families.set(root, [...(families.get(root) ?? []), m]);
  }
  // Fold related-only advisories (DSA → CVEs) into the families of the CVEs they list.
  const extraAliases = new Map<string, Set<string>>();
  for (const [root, members] of [...families]) {
    if (members.length !== 1) continue;
    const m = members[0]!;
    if (m.advisory.related.length === 0 || m.advisory.id.startsWith("CVE-")) continue;
    const targets = m.advisory.related.filter((id) => parent.has(id)).map(find).filter((r) => r !== root && families.has(r));
    if (targets.length === 0) continue;
    for (const t of new Set(targets)) {
      const set = extraAliases.get(t) ?? new Set<string>();
      set.add(m.advisory.id);
      extraAliases.set(t, set);
      // The DSA's fixed version applies to each CVE it fixes.
      families.get(t)!.push({ ...m, advisory: { ...m.advisory, severity: "Unknown" } });
    }
    families.delete(root);
  }
  const findings: Finding[] = [];
  for (const [root, members] of families) {
    const ids = new Set<string>();
    for (const m of members) {
      ids.add(m.advisory.id);
      for (const a of m.advisory.aliases) ids.add(a);
    }
    for (const a of extraAliases.get(root) ?? []) ids.add(a);
    const sortedIds = [...ids].sort((a, b) => idPreference(a) - idPreference(b) || a.localeCompare(b));
    // The family is reported under its CVE id when it has one, even if only an alias names it.
    const primaryId = sortedIds[0]!;
    const primary = [...members].sort((a, b) => idPreference(a.advisory.id) - idPreference(b.advisory.id) || a.advisory.id.localeCompare(b.advisory.id))[0]!;
    let severity: Severity = "Unknown";
    let best: RawMatch | undefined;
    for (const m of members) {
      severity = maxSeverity(severity, severityOf(m));
      if (m.advisory.score !== undefined && (best?.advisory.score === undefined || m.advisory.score > best.advisory.score)) best = m;
    }
    const fixedVersions = [...new Set(members.flatMap((m) => m.fixed))].sort(cmp);
    findings.push({
      id: primaryId,
      aliases: sortedIds.slice(1),
      package: pkg,
      installedVersion: pkg.version,
      fixedVersions,
      fixState: fixedVersions.length > 0 ? "fixed" : "not-fixed",
      severity,
      cvssScore: best?.advisory.score,
      cvssVector: best?.advisory.vector,
      summary: members.map((m) => m.advisory.summary).find((s) => !!s),
      urls: [...new Set(members.flatMap((m) => m.advisory.urls))].slice(0, 10),
      matchDetails: { advisoryId: primary.advisory.id, ecosystem: primary.row.ecosystem, packageName: primary.row.name, range: primary.range },
    });
  }
  return findings;
}

/** Every vulnerability in the SBOM's packages, one finding per vulnerability family and package. */
export function matchPackages(sbom: Sbom, db: VulnDb): Finding[] {
  const findings: Finding[] = [];
  for (const pkg of sbom.packages) {
    const matches = rawMatches(pkg, sbom, db);
    if (matches.length === 0) continue;
    const format = lookupTargets(pkg, sbom.distro)[0]?.format ?? "unknown";
    findings.push(...mergeFamilies(pkg, matches, comparatorFor(format)));
  }
  return findings.sort((a, b) => severityRank(b.severity) - severityRank(a.severity) || a.package.name.localeCompare(b.package.name) || a.id.localeCompare(b.id));
}
