import type { PackageType, VersionFormat } from "../types.ts";
import { compareApk } from "./apk.ts";
import { compareDeb } from "./deb.ts";
import { compareGem } from "./gem.ts";
import { compareGeneric } from "./generic.ts";
import { compareGo } from "./go.ts";
import { compareMaven } from "./maven.ts";
import { comparePep440 } from "./pep440.ts";
import { compareRpm } from "./rpm.ts";
import { compareSemver } from "./semver.ts";

export type VersionComparator = (a: string, b: string) => number;

const comparators: Record<VersionFormat, VersionComparator> = {
  deb: compareDeb,
  rpm: compareRpm,
  apk: compareApk,
  semver: compareSemver,
  pep440: comparePep440,
  go: compareGo,
  maven: compareMaven,
  gem: compareGem,
  composer: compareSemver,
  unknown: compareGeneric,
};

export function comparatorFor(format: VersionFormat): VersionComparator {
  return comparators[format];
}

export function formatForPackageType(type: PackageType): VersionFormat {
  switch (type) {
    case "deb":
      return "deb";
    case "rpm":
      return "rpm";
    case "apk":
      return "apk";
    case "npm":
      return "semver";
    case "python":
      return "pep440";
    case "go-module":
      return "go";
    case "java-archive":
      return "maven";
    case "gem":
      return "gem";
    case "php-composer":
      return "composer";
    default:
      return "unknown";
  }
}
