import { describe, expect, test } from "bun:test";
import { join } from "node:path";
import Ajv from "ajv";
import addFormats from "ajv-formats";
import { toCycloneDx } from "../../../src/kubevuln/sbom/cyclonedx.ts";
import { isSpdxExpression, spdxId } from "../../../src/kubevuln/sbom/licenses.ts";
import { toSpdx } from "../../../src/kubevuln/sbom/spdx.ts";
import { buildSbom } from "../../../src/kubevuln/sbomBuilder.ts";
import type { Finding, Sbom } from "../../../src/kubevuln/types.ts";

const SCHEMA_DIR = join(import.meta.dir, "../../../node_modules/@cyclonedx/cyclonedx-library/res/schema");
const ctx = { timestamp: "2026-11-27T06:00:00.000Z", uuid: "3f0c4a52-2f7e-4c1e-9d0a-5c6a3b1e2d4f" };

async function schema(name: string, id: string) {
  const doc = (await Bun.file(join(SCHEMA_DIR, name)).json()) as Record<string, unknown>;
  return { ...doc, $id: id };
}

/** The official CycloneDX 1.5 JSON schema (shipped by @cyclonedx/cyclonedx-library), checked with ajv. */
async function cycloneDxValidator() {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  // formats ajv-formats lacks: accepted as is
  ajv.addFormat("iri-reference", true);
  ajv.addFormat("idn-email", true);
  ajv.addSchema(await schema("spdx.SNAPSHOT.schema.json", "http://cyclonedx.org/schema/spdx.SNAPSHOT.schema.json"));
  ajv.addSchema(await schema("jsf-0.82.SNAPSHOT.schema.json", "http://cyclonedx.org/schema/jsf-0.82.SNAPSHOT.schema.json"));
  return ajv.compile(await schema("bom-1.5.SNAPSHOT.schema.json", "http://cyclonedx.org/schema/bom-1.5.schema.json"));
}

async function fixtureSbom(): Promise<Sbom> {
  const a = (await buildSbom({ kind: "rootfs", path: join(import.meta.dir, "../catalog/dpkg/rootfs") })).sbom;
  const b = (await buildSbom({ kind: "rootfs", path: join(import.meta.dir, "../catalog/rpm/rootfs") })).sbom;
  const c = (await buildSbom({ kind: "rootfs", path: join(import.meta.dir, "../catalog/python/rootfs") })).sbom;
  return { ...a, source: { type: "image", name: "example.test/app:1", digest: `sha256:${"a".repeat(64)}` }, packages: [...a.packages, ...b.packages, ...c.packages] };
}

describe("CycloneDX 1.5", () => {
  test("validates against the official schema, with and without vulnerabilities", async () => {
    const validate = await cycloneDxValidator();
    const sbom = await fixtureSbom();
    const finding: Finding = {
      id: "CVE-2023-4911",
      aliases: ["DSA-5514-1"],
      package: sbom.packages.find((p) => p.name === "libc6")!,
      installedVersion: "2.36-9+deb12u14",
      fixedVersions: ["2.36-9+deb12u3"],
      fixState: "fixed",
      severity: "High",
      cvssScore: 7.8,
      cvssVector: "CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H",
      summary: "Looney Tunables",
      urls: ["https://security-tracker.debian.org/tracker/CVE-2023-4911"],
      matchDetails: { advisoryId: "DSA-5514-1", ecosystem: "Debian:12", packageName: "glibc", range: "<2.36-9+deb12u3" },
    };
    for (const doc of [toCycloneDx(sbom, ctx), toCycloneDx(sbom, ctx, [finding])]) {
      const ok = validate(doc);
      expect(validate.errors ?? []).toEqual([]);
      expect(ok).toBe(true);
    }
    const doc = toCycloneDx(sbom, ctx, [finding]) as { components: Array<{ name: string; purl?: string; licenses?: unknown[] }>; vulnerabilities: Array<{ affects: Array<{ ref: string }> }> };
    expect(doc.components.filter((c) => c.purl)).toHaveLength(sbom.packages.length);
    const refs = new Set(doc.components.map((c) => (c as unknown as Record<string, string>)["bom-ref"]));
    expect(refs.has(doc.vulnerabilities[0]!.affects[0]!.ref)).toBe(true);
    expect(doc.components.find((c) => c.name === "jinja2")!.licenses).toEqual([{ license: { id: "BSD-3-Clause" } }]);
  });

  test("the schema check is real: a broken document is rejected", async () => {
    const validate = await cycloneDxValidator();
    const doc = toCycloneDx(await fixtureSbom(), ctx) as Record<string, unknown>;
    expect(validate({ ...doc, specVersion: 15 })).toBe(false);
  });
});

describe("SPDX 2.3", () => {
  // No npm package ships the SPDX 2.3 JSON schema, so these are structural checks of its required fields.
  test("required document and package fields, unique SPDX ids, purls, relationships", async () => {
    const sbom = await fixtureSbom();
    const doc = toSpdx(sbom, ctx);
    expect(doc.spdxVersion).toBe("SPDX-2.3");
    expect(doc.dataLicense).toBe("CC0-1.0");
    expect(doc.creationInfo.created).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(doc.documentNamespace).toMatch(/^https:\/\/\S+$/);
    const ids = doc.packages.map((p) => p.SPDXID);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^SPDXRef-[A-Za-z0-9.-]+$/);
    for (const p of doc.packages) {
      for (const key of ["name", "downloadLocation", "licenseConcluded", "licenseDeclared", "copyrightText"]) expect(p).toHaveProperty(key);
    }
    expect(doc.packages).toHaveLength(sbom.packages.length + 1);
    const libc = doc.packages.find((p) => p.name === "libc6") as { externalRefs: Array<{ referenceLocator: string }>; sourceInfo: string };
    expect(libc.externalRefs[0]!.referenceLocator).toStartWith("pkg:deb/debian/libc6@");
    expect(libc.sourceInfo).toContain("glibc");
    expect(doc.relationships.filter((r) => r.relationshipType === "CONTAINS")).toHaveLength(sbom.packages.length);
    // free-text licences are declared as LicenseRef with their text
    const refs = (doc.hasExtractedLicensingInfos ?? []).map((l) => l.licenseId);
    for (const p of doc.packages) {
      for (const token of p.licenseDeclared.replace(/[()]/g, " ").split(/\s+/)) {
        if (token.startsWith("LicenseRef-")) expect(refs).toContain(token);
      }
    }
  });

  test("licence names map to SPDX ids or expressions", () => {
    expect(spdxId("mit")).toBe("MIT");
    expect(spdxId("GPL-2+")).toBeUndefined();
    expect(spdxId("LGPL-2.1+")).toBe("LGPL-2.1+");
    expect(spdxId("lgpl-2.1")).toBe("LGPL-2.1");
    expect(isSpdxExpression("MIT AND Apache-2.0")).toBe(true);
    expect(isSpdxExpression("MIT AND")).toBe(false);
    expect(isSpdxExpression("BSD-like")).toBe(false);
  });
});
