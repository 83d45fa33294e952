import { Cvss2, Cvss3P0, Cvss3P1, Cvss4P0 } from "ae-cvss-calculator";
import type { Severity } from "../types.ts";

export interface ScoredSeverity {
  severity: Severity;
  score?: number;
  vector?: string;
}

const RANK: Record<Severity, number> = { Unknown: 0, Negligible: 1, Low: 2, Medium: 3, High: 4, Critical: 5 };

export function severityRank(s: Severity): number {
  return RANK[s];
}

export function maxSeverity(a: Severity, b: Severity): Severity {
  return RANK[a] >= RANK[b] ? a : b;
}

/** CVSS v3/v4 qualitative rating of a base score. */
export function ratingOfScore(score: number): Severity {
  if (score >= 9) return "Critical";
  if (score >= 7) return "High";
  if (score >= 4) return "Medium";
  if (score > 0) return "Low";
  return "Negligible";
}

/** Base score of a CVSS vector (v2, v3.0, v3.1, v4.0), or undefined when it does not parse. */
export function cvssBaseScore(vector: string): number | undefined {
  try {
    if (vector.startsWith("CVSS:4.0/")) return new Cvss4P0(vector).calculateScores().overall;
    if (vector.startsWith("CVSS:3.1/")) return new Cvss3P1(vector).calculateScores().base;
    if (vector.startsWith("CVSS:3.0/")) return new Cvss3P0(vector).calculateScores().base;
    if (/^\(?AV:[LAN]\//.test(vector)) return new Cvss2(vector.replace(/^\(|\)$/g, "")).calculateScores().base;
  } catch {
    return undefined;
  }
  return undefined;
}

const WORDS: Record<string, Severity> = {
  critical: "Critical",
  high: "High",
  important: "High",
  moderate: "Medium",
  medium: "Medium",
  low: "Low",
  unimportant: "Negligible",
  negligible: "Negligible",
  "not yet assigned": "Unknown",
};

/** A severity word from a database (GHSA "MODERATE", Debian urgency "unimportant", ...). */
export function severityFromWord(word: unknown): Severity | undefined {
  if (typeof word !== "string") return undefined;
  return WORDS[word.trim().toLowerCase().replace(/\*+$/, "")];
}

/**
 * The record's severity: the highest-versioned CVSS vector wins (v4 > v3.1 > v3.0 > v2), else the
 * database's own word; Unknown when there is neither.
 */
export function scoreRecordSeverity(vectors: Array<{ type: string; score: string }>, databaseWord: unknown): ScoredSeverity {
  const order = ["CVSS_V4", "CVSS_V3", "CVSS_V2"];
  const sorted = [...vectors].sort((a, b) => order.indexOf(a.type) - order.indexOf(b.type) || b.score.localeCompare(a.score));
  for (const v of sorted) {
    const score = cvssBaseScore(v.score);
    if (score !== undefined) return { severity: ratingOfScore(score), score, vector: v.score };
  }
  return { severity: severityFromWord(databaseWord) ?? "Unknown" };
}
