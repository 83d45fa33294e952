import type { Distro, Package, VersionFormat } from "../types.ts";
import { formatForPackageType } from "../versions/index.ts";

export interface LookupTarget {
  /** OSV ecosystem as stored, e.g. "Debian:12", "Alpine:v3.20", "npm". */
  ecosystem: string;
  /** Names to look up: source package first for distro packages, then the binary name. */
  names: string[];
  format: VersionFormat;
}

function majorOf(version: string): string {
  return version.split(".")[0] ?? version;
}

function distroEcosystems(distro: Distro | undefined): string[] {
  if (!distro) return [];
  const v = distro.versionId;
  switch (distro.id) {
    case "debian":
      return [`Debian:${majorOf(v)}`];
    case "ubuntu":
      return [`Ubuntu:${v}`, `Ubuntu:${v}:LTS`, `Ubuntu:Pro:${v}:LTS`];
    case "alpine": {
      const [maj, min] = v.split(".");
      return [`Alpine:v${maj}.${min ?? "0"}`];
    }
    case "rocky":
      return [`Rocky Linux:${majorOf(v)}`];
    case "almalinux":
      return [`AlmaLinux:${majorOf(v)}`];
    case "opensuse-leap":
      return [`openSUSE:Leap ${v}`];
    default:
      return [];
  }
}

const LANGUAGE_ECOSYSTEM: Partial<Record<Package["type"], string>> = {
  npm: "npm",
  python: "PyPI",
  "go-module": "Go",
  "java-archive": "Maven",
  gem: "RubyGems",
  "php-composer": "Packagist",
};

/** Where to look a package up: distro packages by release and source name, language packages by ecosystem. */
export function lookupTargets(pkg: Package, distro: Distro | undefined): LookupTarget[] {
  const format = formatForPackageType(pkg.type);
  if (pkg.type === "deb" || pkg.type === "apk" || pkg.type === "rpm") {
    const names = [...new Set([pkg.sourceName, pkg.name].filter((n): n is string => !!n))];
    return distroEcosystems(distro).map((ecosystem) => ({ ecosystem, names, format }));
  }
  const ecosystem = LANGUAGE_ECOSYSTEM[pkg.type];
  if (!ecosystem) return [];
  const names = [pkg.name];
  if (pkg.type === "java-archive" && !pkg.name.includes(":") && pkg.metadata?.groupId) names.unshift(`${pkg.metadata.groupId}:${pkg.name}`);
  return [{ ecosystem, names, format }];
}
