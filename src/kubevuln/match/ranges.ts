import type { StoredRange } from "../db/osv.ts";
import type { VersionComparator } from "../versions/index.ts";

export interface RangeVerdict {
  affected: boolean;
  /** Fixed versions named by the range(s) that matched. */
  fixed: string[];
  /** Human-readable form of the matched range, e.g. ">=0, <2.36-9+deb12u4". */
  range: string;
}

const isZero = (v: string) => v === "0" || v === "";

/** OSV semantics for one range: events ordered by version, affected between introduced and fixed/last_affected. */
function inRange(version: string, range: StoredRange, cmp: VersionComparator): boolean {
  const events = range.events.filter((e) => e.introduced !== undefined || e.fixed !== undefined || e.last_affected !== undefined);
  const key = (e: (typeof events)[number]) => e.introduced ?? e.fixed ?? e.last_affected ?? "0";
  const sorted = [...events].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    if (isZero(ka) && a.introduced !== undefined) return -1;
    if (isZero(kb) && b.introduced !== undefined) return 1;
    return cmp(ka, kb);
  });
  let affected = false;
  for (const e of sorted) {
    if (e.introduced !== undefined) {
      if (isZero(e.introduced) || cmp(version, e.introduced) >= 0) affected = true;
    } else if (e.fixed !== undefined) {
      if (cmp(version, e.fixed) >= 0) affected = false;
    } else if (e.last_affected !== undefined) {
      if (cmp(version, e.last_affected) > 0) affected = false;
    }
  }
  return affected;
}

function describe(range: StoredRange): string {
  return range.events
    .map((e) => (e.introduced !== undefined ? `>=${e.introduced}` : e.fixed !== undefined ? `<${e.fixed}` : e.last_affected !== undefined ? `<=${e.last_affected}` : `limit ${e.limit}`))
    .join(", ");
}

/** Whether `version` is affected by an advisory's entry for one package: ranges or the explicit version list. */
export function evaluateAffected(version: string, ranges: StoredRange[], versions: string[], cmp: VersionComparator): RangeVerdict {
  const fixed: string[] = [];
  const matched: string[] = [];
  for (const range of ranges) {
    if (range.type !== "ECOSYSTEM" && range.type !== "SEMVER") continue;
    if (inRange(version, range, cmp)) {
      matched.push(describe(range));
      for (const e of range.events) if (e.fixed !== undefined) fixed.push(e.fixed);
    }
  }
  if (matched.length === 0 && versions.some((v) => v === version || cmp(v, version) === 0)) {
    return { affected: true, fixed: [], range: `=${version}` };
  }
  return { affected: matched.length > 0, fixed: fixed.filter((f) => cmp(f, version) > 0), range: matched.join(" | ") };
}
