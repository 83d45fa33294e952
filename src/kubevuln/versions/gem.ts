import { eq, gt, valid } from "@renovatebot/ruby-semver";
import { compareGeneric } from "./generic.ts";

/** RubyGems versions (Gem::Version ordering: prerelease letters sort before releases). */
export function compareGem(a: string, b: string): number {
  if (valid(a) && valid(b)) return eq(a, b) ? 0 : gt(a, b) ? 1 : -1;
  return compareGeneric(a, b);
}
