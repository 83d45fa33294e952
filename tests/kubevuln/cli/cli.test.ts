import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import AjvDraft4 from "ajv-draft-04";
import { run as image } from "../../../src/kubevuln/cli/imageScan.ts";
import { run as sbomCommand } from "../../../src/kubevuln/cli/sbomCommand.ts";
import { importOsv } from "../../../src/kubevuln/db/import.ts";
import { SHARED_DIR } from "../../support/shared.ts";

const dir = mkdtempSync(join(tmpdir(), "ks-image-cli-"));
const db = join(dir, "db.sqlite");
const rootfs = join(dir, "rootfs");
const out = (name: string) => join(dir, name);

beforeAll(async () => {
  await importOsv([join(SHARED_DIR, "vulndb/osv")], db);
  cpSync(join(import.meta.dir, "../catalog/dpkg/rootfs"), rootfs, { recursive: true, verbatimSymlinks: true });
  for (const [name, version] of [["minimist", "1.2.5"], ["lodash", "4.17.21"]]) {
    mkdirSync(join(rootfs, "app/node_modules", name!), { recursive: true });
    writeFileSync(join(rootfs, "app/node_modules", name!, "package.json"), JSON.stringify({ name, version, license: "MIT" }));
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface JsonReport {
  findings: Array<{ id: string; aliases: string[]; package: { name: string; purl: string }; installedVersion: string; fixedVersions: string[]; severity: string }>;
  packages: number;
}

describe("ks image scan", () => {
  test("json: findings name advisory, aliases, package, purl, installed and fixed versions, severity", async () => {
    expect(await image(["scan", "--rootfs", rootfs, "--db", db, "--format", "json", "--output", out("scan.json")])).toBe(0);
    const report = (await Bun.file(out("scan.json")).json()) as JsonReport;
    expect(report.packages).toBe(5);
    const minimist = report.findings.find((f) => f.package.name === "minimist")!;
    expect(minimist).toMatchObject({ id: "CVE-2021-44906", installedVersion: "1.2.5", fixedVersions: ["1.2.6"], severity: "Critical" });
    expect(minimist.aliases).toContain("GHSA-xvch-5gv4-984h");
    expect(minimist.package.purl).toBe("pkg:npm/minimist@1.2.5");
    // lodash 4.17.21 is the fixed release: nothing reported for it
    expect(report.findings.some((f) => f.package.name === "lodash")).toBe(false);
  });

  test("--fail-on: exit 1 at or above the threshold, 0 below", async () => {
    expect(await image(["scan", "--rootfs", rootfs, "--db", db, "--fail-on", "critical", "--output", out("t1.txt")])).toBe(1);
    const clean = join(dir, "clean");
    mkdirSync(join(clean, "app/node_modules/lodash"), { recursive: true });
    writeFileSync(join(clean, "app/node_modules/lodash/package.json"), JSON.stringify({ name: "lodash", version: "4.17.21" }));
    expect(await image(["scan", "--rootfs", clean, "--db", db, "--fail-on", "low", "--output", out("t2.txt")])).toBe(0);
    expect(await Bun.file(out("t2.txt")).text()).toContain("no vulnerabilities found");
  });

  test("table lists the most severe first", async () => {
    expect(await image(["scan", "--rootfs", rootfs, "--db", db, "--output", out("table.txt")])).toBe(0);
    const lines = (await Bun.file(out("table.txt")).text()).split("\n");
    const header = lines.findIndex((l) => l.startsWith("NAME"));
    expect(lines[header + 1]).toContain("CVE-2021-44906");
    expect(lines[header + 1]).toContain("Critical");
  });

  test("sarif validates against the SARIF 2.1.0 schema", async () => {
    expect(await image(["scan", "--rootfs", rootfs, "--db", db, "--format", "sarif", "--output", out("scan.sarif")])).toBe(0);
    const schema = await Bun.file(join(import.meta.dir, "../../../node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json")).json();
    const ajv = new AjvDraft4({ strict: false, validateFormats: false, unicodeRegExp: false });
    const validate = ajv.compile(schema);
    const doc = (await Bun.file(out("scan.sarif")).json()) as { runs: Array<{ results: Array<{ ruleId: string; level: string }> }> };
    expect(validate(doc)).toBe(true);
    expect(doc.runs[0]!.results.find((r) => r.ruleId === "CVE-2021-44906")?.level).toBe("error");
  });

  test("cyclonedx output carries the vulnerabilities", async () => {
    expect(await image(["scan", "--rootfs", rootfs, "--db", db, "--format", "cyclonedx", "--output", out("scan.cdx.json")])).toBe(0);
    const doc = (await Bun.file(out("scan.cdx.json")).json()) as { specVersion: string; vulnerabilities: Array<{ id: string }> };
    expect(doc.specVersion).toBe("1.5");
    expect(doc.vulnerabilities.map((v) => v.id)).toContain("CVE-2021-44906");
  });

  test("bad usage exits 2 with a message; a missing database is named", async () => {
    expect(await image(["scan", "--rootfs", rootfs, "--oci-dir", rootfs, "--db", db])).toBe(2);
    expect(await image(["scan", "--rootfs", rootfs, "--db", db, "--format", "xml"])).toBe(2);
    expect(await image(["scan", "--rootfs", rootfs, "--db", db, "--fail-on", "severe"])).toBe(2);
    expect(await image(["scan", "--rootfs", rootfs, "--db", join(dir, "missing.sqlite")])).toBe(2);
    expect(await image(["scan", "--oci-dir", join(dir, "nope"), "--db", db])).toBe(1);
  });
});

describe("ks sbom", () => {
  test("cyclonedx (default), spdx and json formats from the same input", async () => {
    expect(await sbomCommand(["--rootfs", rootfs, "--output", out("sbom.cdx.json")])).toBe(0);
    const cdx = (await Bun.file(out("sbom.cdx.json")).json()) as { bomFormat: string; components: Array<{ name: string }> };
    expect(cdx.bomFormat).toBe("CycloneDX");
    expect(cdx.components.map((c) => c.name)).toContain("minimist");
    expect(await sbomCommand(["--rootfs", rootfs, "-f", "spdx", "-o", out("sbom.spdx.json")])).toBe(0);
    const spdx = (await Bun.file(out("sbom.spdx.json")).json()) as { spdxVersion: string; packages: unknown[] };
    expect(spdx.spdxVersion).toBe("SPDX-2.3");
    expect(spdx.packages).toHaveLength(6);
    expect(await sbomCommand(["--rootfs", rootfs, "-f", "json", "-o", out("sbom.json")])).toBe(0);
    const native = (await Bun.file(out("sbom.json")).json()) as { distro: { id: string }; packages: unknown[] };
    expect(native.distro.id).toBe("debian");
    expect(native.packages).toHaveLength(5);
    expect(await sbomCommand(["--rootfs", rootfs, "-f", "sarif"])).toBe(2);
  });
});
