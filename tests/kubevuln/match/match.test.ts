import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { importOsv, type ImportResult } from "../../../src/kubevuln/db/import.ts";
import { openVulnDb, type VulnDb } from "../../../src/kubevuln/db/store.ts";
import { matchPackages } from "../../../src/kubevuln/match/match.ts";
import type { Distro, Package, Sbom } from "../../../src/kubevuln/types.ts";
import { SHARED_DIR } from "../../support/shared.ts";

const bookworm: Distro = { id: "debian", versionId: "12", versionCodename: "bookworm" };
const alpine320: Distro = { id: "alpine", versionId: "3.20.3" };

function pkg(type: Package["type"], name: string, version: string, sourceName?: string): Package {
  return { name, version, type, sourceName, purl: `pkg:${type}/${name}@${version}`, locations: [], licenses: [] };
}

let db: VulnDb;
let imported: ImportResult;
const dir = mkdtempSync(join(tmpdir(), "vulndb-"));

beforeAll(async () => {
  // Real advisories, plus two synthetic records for what the real set lacks: a GHSA duplicating a
  // PYSEC record's CVE (alias merging across records) and an older copy of a record (dedup by id).
  const extra = join(dir, "extra");
  mkdirSync(extra);
  writeFileSync(
    join(extra, "GHSA-j8r2-6x86-q33q.json"),
    JSON.stringify({
      id: "GHSA-j8r2-6x86-q33q",
      modified: "2024-01-01T00:00:00Z",
      aliases: ["CVE-2023-32681"],
      severity: [{ type: "CVSS_V3", score: "CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:C/C:H/I:N/A:N" }],
      affected: [{ package: { ecosystem: "PyPI", name: "requests" }, ranges: [{ type: "ECOSYSTEM", events: [{ introduced: "2.3.0" }, { fixed: "2.31.0" }] }] }],
    }),
  );
  writeFileSync(join(extra, "old-copy.json"), JSON.stringify({ id: "CVE-2016-2781", modified: "2000-01-01T00:00:00Z", affected: [] }));
  writeFileSync(join(extra, "broken.json"), "{not json");
  imported = await importOsv([join(SHARED_DIR, "vulndb/osv"), extra], join(dir, "db.sqlite"));
  db = openVulnDb(join(dir, "db.sqlite"));
});
afterAll(() => db?.close());

function scan(distro: Distro | undefined, packages: Package[]) {
  const sbom: Sbom = { source: { type: "rootfs", name: "test" }, distro, packages };
  return matchPackages(sbom, db);
}

describe("OSV import", () => {
  test("imports every real record once; identical copies and older duplicates are one record", () => {
    // 2,445 files hold 2,400 unique ids (45 CVEs are in both Alpine and Debian folders).
    expect(imported.meta.advisories).toBe(2400 + 1);
    expect(imported.duplicates).toBeGreaterThanOrEqual(45 + 1);
    expect(imported.rejected.map((r) => r.source)).toEqual([join(dir, "extra", "broken.json")]);
    expect(imported.meta.ecosystems["Debian:12"]).toBeGreaterThan(800);
    expect(imported.meta.schemaVersion).toBe(1);
  });
});

describe("matching real advisories", () => {
  test("distro package by source name and release; DSA folded into its CVE; fixed version reported", () => {
    const findings = scan(bookworm, [pkg("deb", "libc6", "2.36-9+deb12u1", "glibc")]);
    const looney = findings.find((f) => f.id === "CVE-2023-4911");
    expect(looney).toBeDefined();
    expect(looney!.aliases).toContain("DSA-5514-1");
    expect(looney!.fixedVersions).toContain("2.36-9+deb12u3");
    expect(looney!.fixState).toBe("fixed");
    expect(findings.filter((f) => f.id === "DSA-5514-1")).toEqual([]);
  });

  test("a fixed version is no longer reported; a later release of another distro is not matched", () => {
    expect(scan(bookworm, [pkg("deb", "libc6", "2.36-9+deb12u3", "glibc")]).map((f) => f.id)).not.toContain("CVE-2023-4911");
    expect(scan({ id: "debian", versionId: "13" }, [pkg("deb", "libc6", "2.36-9+deb12u1", "glibc")])).toEqual([]);
  });

  test("unfixed records are reported without a fix", () => {
    const f = scan(bookworm, [pkg("deb", "coreutils", "9.1-1")]).find((x) => x.id === "CVE-2016-2781");
    expect(f?.fixState).toBe("not-fixed");
    expect(f?.fixedVersions).toEqual([]);
  });

  test("withdrawn records are ignored", () => {
    // PYSEC-2023-73 (redis) and GO-2025-3543 (runc) are withdrawn.
    expect(scan(undefined, [pkg("python", "redis", "2.10.0")]).map((f) => f.matchDetails.advisoryId)).not.toContain("PYSEC-2023-73");
    expect(scan(undefined, [pkg("go-module", "github.com/opencontainers/runc", "v1.1.0")]).map((f) => f.matchDetails.advisoryId)).not.toContain("GO-2025-3543");
  });

  test("aliases merge into one finding per CVE family, with CVSS severity", () => {
    const findings = scan(undefined, [pkg("python", "requests", "2.30.0")]);
    const family = findings.filter((f) => f.id === "CVE-2023-32681" || f.aliases.includes("CVE-2023-32681"));
    expect(family).toHaveLength(1);
    expect(family[0]!.id).toBe("CVE-2023-32681");
    expect(family[0]!.aliases).toEqual(expect.arrayContaining(["GHSA-j8r2-6x86-q33q", "PYSEC-2023-74"]));
    expect(family[0]!.severity).toBe("Medium");
    expect(family[0]!.cvssScore).toBeCloseTo(6.1, 1);
    expect(scan(undefined, [pkg("python", "requests", "2.31.0")]).map((f) => f.id)).not.toContain("CVE-2023-32681");
  });

  test("npm ranges with introduced bounds; names matched case-insensitively", () => {
    const ids = (name: string, v: string) => scan(undefined, [pkg("npm", name, v)]).map((f) => f.id);
    expect(ids("lodash", "4.17.15")).toEqual(expect.arrayContaining(["CVE-2020-8203", "CVE-2020-28500", "CVE-2021-23337"]));
    expect(ids("lodash", "4.17.21")).toEqual([]);
    expect(ids("axios", "1.5.0")).toEqual(expect.arrayContaining(["CVE-2024-39338", "CVE-2023-45857"]));
    expect(ids("axios", "1.3.1")).not.toContain("CVE-2024-39338");
    expect(ids("ws", "6.0.0")).toContain("CVE-2024-37890");
    expect(ids("ws", "5.2.4")).not.toContain("CVE-2024-37890");
  });

  test("severity comes from the CVSS vector, else the database word", () => {
    const minimist = scan(undefined, [pkg("npm", "minimist", "1.2.5")]).find((f) => f.id === "CVE-2021-44906");
    expect(minimist?.severity).toBe("Critical");
    const jwt = scan(undefined, [pkg("npm", "jsonwebtoken", "8.5.1")]).find((f) => f.id === "CVE-2022-23539");
    expect(jwt?.severity).toBe("Medium");
    expect(jwt?.cvssScore).toBeUndefined();
  });

  test("Alpine packages by origin and release branch", () => {
    const findings = scan(alpine320, [pkg("apk", "libcrypto3", "3.3.0-r0", "openssl")]);
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) expect(f.matchDetails.ecosystem).toBe("Alpine:v3.20");
    expect(scan(alpine320, [pkg("apk", "libcrypto3", "99.0.0-r0", "openssl")])).toEqual([]);
  });

  test("Go modules and the standard library", () => {
    const findings = scan(undefined, [pkg("go-module", "stdlib", "go1.20.1")]);
    expect(findings.length).toBeGreaterThan(5);
    expect(findings.every((f) => f.matchDetails.ecosystem === "Go")).toBe(true);
  });
});
