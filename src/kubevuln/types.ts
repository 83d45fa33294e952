/**
 * The contract between image reading/cataloguing (what is installed) and the vulnerability
 * database/matching (what is vulnerable). Both sides are pure over these plain shapes.
 */

/** Version formats, one comparator each (src/kubevuln/versions/<format>.ts). */
export type VersionFormat = "deb" | "rpm" | "apk" | "semver" | "pep440" | "go" | "maven" | "gem" | "composer" | "unknown";

/** Package ecosystems as catalogers report them. */
export type PackageType = "deb" | "apk" | "rpm" | "npm" | "python" | "go-module" | "java-archive" | "gem" | "php-composer" | "binary";

export interface PackageLocation {
  /** Absolute path inside the image, e.g. /var/lib/dpkg/status */
  path: string;
  /** Digest of the layer that last wrote the file, when known. */
  layerDigest?: string;
}

export interface Package {
  name: string;
  version: string;
  type: PackageType;
  /** dpkg Source, apk origin, rpm sourcerpm name; the name advisories use for distro packages. */
  sourceName?: string;
  /** Source package version when it differs (dpkg `Source: name (version)`). */
  sourceVersion?: string;
  /** Package URL, e.g. pkg:deb/debian/libc6@2.36-9?arch=amd64&distro=debian-12 */
  purl: string;
  locations: PackageLocation[];
  licenses: string[];
  /** Extra facts per ecosystem (architecture, Go main module, jar group id ...). */
  metadata?: Record<string, string>;
}

/** From /etc/os-release (or /usr/lib/os-release). */
export interface Distro {
  id: string; // debian, ubuntu, alpine, rhel, ...
  versionId: string; // 12, 22.04, 3.20.3
  versionCodename?: string;
  prettyName?: string;
}

/** What a scan of one image found installed. */
export interface Sbom {
  /** Image reference or local source description. */
  source: { type: "image" | "oci-dir" | "archive" | "rootfs"; name: string; digest?: string; layers?: string[] };
  distro?: Distro;
  packages: Package[];
}

export type Severity = "Critical" | "High" | "Medium" | "Low" | "Negligible" | "Unknown";

/** One vulnerability found in one package. */
export interface Finding {
  /** The advisory chosen as primary (CVE id when the family has one). */
  id: string;
  /** Every other id of the same vulnerability (GHSA, DSA, DLA, OSV ids). */
  aliases: string[];
  package: Package;
  installedVersion: string;
  /** Empty when no fix exists. */
  fixedVersions: string[];
  fixState: "fixed" | "not-fixed" | "wont-fix" | "unknown";
  severity: Severity;
  /** CVSS base score when a vector was available. */
  cvssScore?: number;
  cvssVector?: string;
  summary?: string;
  urls: string[];
  /** Why it matched: which record, ecosystem key and range. */
  matchDetails: { advisoryId: string; ecosystem: string; packageName: string; range: string };
}
