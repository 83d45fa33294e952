import deprecatedIds from "spdx-license-ids/deprecated.json" with { type: "json" };
import currentIds from "spdx-license-ids/index.json" with { type: "json" };

// deprecated ids ("GPL-2.0", "LGPL-2.1") are still valid in expressions and common in packages
const ALL_IDS = [...(currentIds as string[]), ...(deprecatedIds as string[])];
const KNOWN = new Set(ALL_IDS.map((id) => id.toLowerCase()));
const CANONICAL = new Map(ALL_IDS.map((id) => [id.toLowerCase(), id]));

/** The SPDX id for a licence name when it is one (case-insensitive), else undefined. */
export function spdxId(name: string): string | undefined {
  const key = name.trim().toLowerCase();
  const exact = CANONICAL.get(key);
  if (exact) return exact;
  const base = key.endsWith("+") ? CANONICAL.get(key.slice(0, -1)) : undefined;
  return base ? `${base}+` : undefined;
}

/** True when every licence in an "A AND (B OR C)" expression is a known SPDX id. */
export function isSpdxExpression(text: string): boolean {
  const tokens = text.replace(/[()]/g, " ").split(/\s+/).filter(Boolean);
  if (tokens.length === 0) return false;
  let expectId = true;
  for (const t of tokens) {
    if (expectId) {
      if (!KNOWN.has(t.toLowerCase().replace(/\+$/, "")) && !/^LicenseRef-[A-Za-z0-9.-]+$/.test(t)) return false;
      expectId = false;
    } else {
      if (!/^(AND|OR|WITH)$/.test(t)) return false;
      expectId = true;
    }
  }
  return !expectId;
}

/** A LicenseRef for free-text licence names (SPDX allows letters, digits, "." and "-"). */
export function licenseRef(name: string): string {
  return `LicenseRef-${name.replace(/[^A-Za-z0-9.-]+/g, "-").replace(/^-+|-+$/g, "") || "unknown"}`;
}
