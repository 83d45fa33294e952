import { compareSemver } from "./semver.ts";

/**
 * Go module versions: semver with a `v` prefix, `+incompatible` (ignored for ordering, as the go
 * command does) and pseudo-versions (valid semver prereleases, so they order by timestamp).
 * Toolchain versions like `go1.21.3` / `go1.22rc1` are normalised to semver.
 */
export function normaliseGoVersion(v: string): string {
  let s = v.trim().replace(/\+incompatible$/, "");
  const toolchain = /^go(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:(rc|beta)(\d+))?$/.exec(s);
  if (toolchain) {
    const [, maj, min = "0", patch = "0", pre, preN] = toolchain;
    return `${maj}.${min}.${patch}${pre ? `-${pre}.${preN}` : ""}`;
  }
  if (s.startsWith("v")) s = s.slice(1);
  return s;
}

export function compareGo(a: string, b: string): number {
  return compareSemver(normaliseGoVersion(a), normaliseGoVersion(b));
}
