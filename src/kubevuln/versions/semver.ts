import semver from "semver";
import { compareGeneric } from "./generic.ts";

/** npm / SEMVER ranges: semver 2.0 precedence; loose parsing; unparsable versions fall back. */
export function compareSemver(a: string, b: string): number {
  const x = semver.parse(a, { loose: true }) ?? semver.coerce(a, { includePrerelease: true });
  const y = semver.parse(b, { loose: true }) ?? semver.coerce(b, { includePrerelease: true });
  if (x && y) return semver.compare(x, y);
  return compareGeneric(a, b);
}
