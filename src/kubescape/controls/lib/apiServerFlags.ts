import type { ControlEvaluation, ResourceIndex, RulePaths } from "../../types.ts";
import { type Component, evaluateComponent, FlagList } from "./cpComponentPods.ts";

/**
 * Builders for the CIS control-plane flag controls (kubescape's ensure-that-the-api-server-*
 * and controller-manager rules). Flags are read from command and args together; a missing flag
 * is fixed by appending it where the container keeps its flags.
 */

export type FlagCheck = (flags: FlagList) => RulePaths[] | null;

export function evaluateFlags(index: ResourceIndex, component: Component, check: FlagCheck): ControlEvaluation {
  return evaluateComponent(index, component, (flags) => check(flags));
}

const failedAt = (path: string): RulePaths => ({ failedPath: path, reviewPath: path });
const fixAt = (path: string, value: string): RulePaths => ({ fixPath: { path, value } });

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** `--flag=a,b` inside one entry: the matched text and its non-empty comma-separated values. */
export function listFlag(entry: string, flag: string): { origin: string; values: string[] } | undefined {
  const re = new RegExp(` ?${escape(flag)}=(.+?)(?: |$)`, "g");
  const matches = [...entry.matchAll(re)];
  if (matches.length !== 1) return undefined;
  return { origin: matches[0]![0], values: matches[0]![1]!.split(",").filter((v) => v !== "") };
}

/** Index of the first entry carrying `--flag=<list>`. */
function findList(flags: FlagList, flag: string): { i: number; origin: string; values: string[] } | undefined {
  for (let i = 0; i < flags.all.length; i++) {
    const hit = listFlag(flags.all[i]!, flag);
    if (hit) return { i, ...hit };
  }
  return undefined;
}

/** Rebuilds an entry with the flag's list replaced, keeping a separating space if there was one. */
function replaceList(entry: string, origin: string, flag: string, values: readonly string[]): string {
  const lead = origin.startsWith(" ") ? " " : "";
  const trail = origin.endsWith(" ") ? " " : "";
  return entry.replace(origin, `${lead}${flag}=${values.join(",")}${trail}`);
}

/** `--flag=bad` is wrong (fix: replace with good); a flag never mentioned gets `--flag=good` appended. */
export function notSetTo(flag: string, bad: string, good: string, options: { requireWhenAbsent?: boolean } = {}): FlagCheck {
  const absentFails = options.requireWhenAbsent ?? true;
  return (flags) => {
    for (let i = 0; i < flags.all.length; i++) {
      const entry = flags.all[i]!;
      if (entry.includes(`${flag}=${bad}`)) return [failedAt(flags.path(i)), fixAt(flags.path(i), entry.replace(`${flag}=${bad}`, `${flag}=${good}`))];
    }
    if (absentFails && !flags.mentions(flag)) return [fixAt(flags.appendPath(), `${flag}=${good}`)];
    return null;
  };
}

/** Each listed flag must be present; every missing one gets a fix with a placeholder value. */
export function required(wanted: ReadonlyArray<readonly [flag: string, placeholder: string]>): FlagCheck {
  return (flags) => {
    const missing = wanted.filter(([flag]) => !flags.mentions(flag));
    if (missing.length === 0) return null;
    return missing.map(([flag, placeholder], k) => fixAt(flags.appendPath(k), `${flag}=${placeholder}`));
  };
}

/** The comma list of `flag` must contain `value` (absent flag: append `--flag=value`). */
export function listIncludes(flag: string, value: string, alternatives: readonly string[] = []): FlagCheck {
  return (flags) => {
    const hit = findList(flags, flag);
    if (hit) {
      if (hit.values.includes(value) || alternatives.some((a) => hit.values.includes(a))) return null;
      const entry = flags.all[hit.i]!;
      return [failedAt(flags.path(hit.i)), fixAt(flags.path(hit.i), replaceList(entry, hit.origin, flag, [...hit.values, value]))];
    }
    if (!flags.mentions(flag)) return [fixAt(flags.appendPath(), `${flag}=${value}`)];
    return null;
  };
}

/** The comma list of `flag` must not contain `value`; the fix is the flag with the rest of the list. */
export function listExcludes(flag: string, value: string): FlagCheck {
  return (flags) => {
    const hit = findList(flags, flag);
    if (!hit || !hit.values.includes(value)) return null;
    const rest = hit.values.filter((v) => v !== value);
    const path = flags.path(hit.i);
    return rest.length === 0 ? [failedAt(path)] : [failedAt(path), fixAt(path, `${flag}=${rest.join(",")}`)];
  };
}

/** A numeric flag below `min` is wrong (fix: set to min); an absent one gets `--flag=min` appended. */
export function atLeast(flag: string, min: number): FlagCheck {
  return (flags) => {
    for (let i = 0; i < flags.all.length; i++) {
      const entry = flags.all[i]!;
      const m = new RegExp(` ?${escape(flag)}=(.+?)(?: |$)`).exec(entry);
      if (!m) continue;
      const value = Number(m[1]);
      if (Number.isFinite(value) && value < min) {
        return [failedAt(flags.path(i)), fixAt(flags.path(i), entry.replace(m[0], m[0].replace(`${flag}=${m[1]}`, `${flag}=${min}`)))];
      }
      return null;
    }
    if (!flags.mentions(flag)) return [fixAt(flags.appendPath(), `${flag}=${min}`)];
    return null;
  };
}

/** Any entry mentioning the flag is reported for review (its value needs a human decision). */
export function reviewIfPresent(flag: string): FlagCheck {
  return (flags) => {
    const i = flags.all.findIndex((e) => e.includes(flag));
    return i >= 0 ? [failedAt(flags.path(i))] : null;
  };
}

/** The flag must not be set at all; the fix drops it from its entry when other text remains. */
export function mustNotBeSet(flag: string): FlagCheck {
  return (flags) => {
    const re = new RegExp(` ?${escape(flag)}=(.+?)(?: |$)`);
    for (let i = 0; i < flags.all.length; i++) {
      const entry = flags.all[i]!;
      const m = re.exec(entry);
      if (!m) continue;
      const rest = entry.replace(m[0], "");
      return rest === "" ? [failedAt(flags.path(i))] : [failedAt(flags.path(i)), fixAt(flags.path(i), rest)];
    }
    return null;
  };
}
