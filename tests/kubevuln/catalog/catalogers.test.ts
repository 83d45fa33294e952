import { afterAll, describe, expect, test } from "bun:test";
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { zipSync } from "fflate";
import { parseGoBuildInfo } from "../../../src/kubevuln/catalog/goBinary.ts";
import { sourceRpmName } from "../../../src/kubevuln/catalog/rpm.ts";
import { buildSbom } from "../../../src/kubevuln/sbomBuilder.ts";
import type { Package } from "../../../src/kubevuln/types.ts";

const here = import.meta.dir;
const temp = mkdtempSync(join(tmpdir(), "ks-catalog-"));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

async function scan(dir: string) {
  return (await buildSbom({ kind: "rootfs", path: dir })).sbom;
}

const brief = (p: Package) => `${p.name}@${p.version}`;
const byName = (pkgs: Package[], name: string) => pkgs.find((p) => p.name === name)!;

describe("dpkg", () => {
  test("status file: installed packages with source, purl, licenses; config-files-only left out", async () => {
    const sbom = await scan(join(here, "dpkg/rootfs"));
    expect(sbom.distro).toEqual({ id: "debian", versionId: "12", versionCodename: "bookworm", prettyName: "Debian GNU/Linux 12 (bookworm)" });
    expect(sbom.packages.map(brief).sort()).toEqual(["bash@5.2.15-2+b13", "libc6@2.36-9+deb12u14", "zlib1g@1:1.2.13.dfsg-1"]);
    const libc = byName(sbom.packages, "libc6");
    expect(libc.sourceName).toBe("glibc");
    expect(libc.purl).toBe("pkg:deb/debian/libc6@2.36-9%2Bdeb12u14?arch=amd64&distro=debian-12&upstream=glibc");
    expect(libc.licenses).toContain("LGPL-2.1");
    expect(libc.locations.map((l) => l.path)).toEqual(["/var/lib/dpkg/status", "/usr/share/doc/libc6/copyright"]);
    const bash = byName(sbom.packages, "bash");
    expect([bash.sourceName, bash.sourceVersion]).toEqual(["bash", "5.2.15-2"]);
  });

  test("distroless status.d: one file per package, md5sums ignored", async () => {
    const sbom = await scan(join(here, "dpkg/distroless"));
    expect(sbom.packages.map(brief).sort()).toEqual(["base-files@12.4+deb12u5", "libssl3@3.0.11-1~deb12u2"]);
    expect(byName(sbom.packages, "libssl3").sourceName).toBe("openssl");
    expect(byName(sbom.packages, "libssl3").locations[0]!.path).toBe("/var/lib/dpkg/status.d/libssl3");
  });
});

describe("apk", () => {
  test("installed db: name, version, origin, license, purl with distro", async () => {
    const sbom = await scan(join(here, "apk/rootfs"));
    expect(sbom.distro?.id).toBe("alpine");
    expect(sbom.packages.map(brief)).toEqual(["musl@1.2.5-r0", "libcrypto3@3.3.2-r0", "busybox@1.36.1-r29"]);
    const crypto = byName(sbom.packages, "libcrypto3");
    expect(crypto.sourceName).toBe("openssl");
    expect(crypto.licenses).toEqual(["Apache-2.0"]);
    expect(crypto.purl).toBe("pkg:apk/alpine/libcrypto3@3.3.2-r0?arch=x86_64&distro=alpine-3.20.3&upstream=openssl");
  });
});

describe("rpm", () => {
  test("sqlite rpmdb written by the real rpm: epoch, release, sourcerpm", async () => {
    const sbom = await scan(join(here, "rpm/rootfs"));
    expect(sbom.packages.map(brief).sort()).toEqual(["ks-other-lib@0.9-1", "ks-tiny@2:1.2.3-4.el9"]);
    const tiny = byName(sbom.packages, "ks-tiny");
    expect(tiny.sourceName).toBe("ks-tiny");
    expect(tiny.licenses).toEqual(["MIT AND Apache-2.0"]);
    expect(tiny.purl).toContain("epoch=2");
    expect(tiny.metadata?.architecture).toBe("x86_64");
    expect(sourceRpmName("bash-5.1.8-6.el9.src.rpm")).toBe("bash");
    expect(sourceRpmName("python3-libs-3.9.18-1.el9.src.rpm")).toBe("python3-libs");
  });
});

describe("npm", () => {
  test("node_modules package.json files and lockfiles; broken json skipped; links skipped", async () => {
    const sbom = await scan(join(here, "npm/rootfs"));
    expect(sbom.packages.map(brief).sort()).toEqual(["@babel/core@7.22.5", "@types/node@20.1.0", "express@4.17.1", "lodash@4.17.20", "minimist@1.2.5"]);
    expect(byName(sbom.packages, "@babel/core").purl).toBe("pkg:npm/%40babel/core@7.22.5");
    expect(byName(sbom.packages, "@babel/core").licenses).toEqual(["MIT"]);
    expect(byName(sbom.packages, "lodash").locations[0]!.path).toBe("/srv/lockonly/package-lock.json");
  });
});

describe("python", () => {
  test("dist-info METADATA, egg-info folder and egg-info file", async () => {
    const sbom = await scan(join(here, "python/rootfs"));
    expect(sbom.packages.map(brief).sort()).toEqual(["jinja2@3.1.2", "pyyaml@5.3.1", "six@1.16.0"]);
    expect(byName(sbom.packages, "jinja2").licenses).toEqual(["BSD-3-Clause"]);
    expect(byName(sbom.packages, "six").licenses).toEqual(["MIT License"]);
    expect(byName(sbom.packages, "pyyaml").purl).toBe("pkg:pypi/pyyaml@5.3.1");
  });
});

function goBuildInfoBlob(goVersion: string, modinfo: string): Uint8Array {
  const enc = new TextEncoder();
  const varint = (n: number) => {
    const out: number[] = [];
    while (n >= 0x80) {
      out.push((n & 0x7f) | 0x80);
      n >>>= 7;
    }
    out.push(n);
    return out;
  };
  const header = new Uint8Array(32);
  header.set([0xff, ...enc.encode(" Go buildinf:")]);
  header[14] = 8;
  header[15] = 2;
  const sentinelStart = new Uint8Array(16).fill(0x30);
  const sentinelEnd = new Uint8Array(16).fill(0xf9);
  const mod = Buffer.concat([sentinelStart, enc.encode(modinfo), sentinelEnd]);
  const ver = enc.encode(goVersion);
  return Buffer.concat([header, new Uint8Array(varint(ver.length)), ver, new Uint8Array(varint(mod.length)), mod]);
}

describe("go binaries", () => {
  const modinfo = "path\texample.com/app\nmod\texample.com/app\tv1.0.0\th1:x=\ndep\tgolang.org/x/net\tv0.7.0\th1:y=\ndep\tgithub.com/old/lib\tv1.0.0\n=>\tgithub.com/new/lib\tv1.2.0\th1:z=\nbuild\tGOOS=linux\n\n";

  test("build info is read from an executable ELF while the layer streams (replacements applied)", async () => {
    const dir = join(temp, "go");
    mkdirSync(join(dir, "usr/bin"), { recursive: true });
    const elf = new Uint8Array(70_000);
    elf.set([0x7f, 0x45, 0x4c, 0x46]);
    elf.set(goBuildInfoBlob("go1.21.4", modinfo), 65_530); // crosses a 64 KiB read boundary
    writeFileSync(join(dir, "usr/bin/app"), elf);
    chmodSync(join(dir, "usr/bin/app"), 0o755);
    writeFileSync(join(dir, "usr/bin/not-elf"), new Uint8Array(10_000).fill(7));
    chmodSync(join(dir, "usr/bin/not-elf"), 0o755);
    const sbom = await scan(dir);
    expect(sbom.packages.map(brief).sort()).toEqual(["example.com/app@v1.0.0", "github.com/new/lib@v1.2.0", "golang.org/x/net@v0.7.0", "stdlib@go1.21.4"]);
    expect(byName(sbom.packages, "golang.org/x/net").purl).toBe("pkg:golang/golang.org/x/net@v0.7.0");
    expect(byName(sbom.packages, "stdlib").locations[0]!.path).toBe("/usr/bin/app");
  });

  test("a blob without the inline-strings flag (Go < 1.18) is not guessed at", () => {
    const blob = goBuildInfoBlob("go1.16", modinfo);
    blob[15] = 0;
    expect(parseGoBuildInfo(blob)).toBeUndefined();
  });
});

describe("java archives", () => {
  test("pom.properties, MANIFEST fallback, file-name fallback and nested jars", async () => {
    const enc = new TextEncoder();
    const inner = zipSync({ "META-INF/MANIFEST.MF": enc.encode("Manifest-Version: 1.0\r\nImplementation-Title: inner\r\nImplementation-Version: 2.0\r\n") });
    const fat = zipSync({
      "META-INF/MANIFEST.MF": enc.encode("Manifest-Version: 1.0\r\nBundle-License: Apache-2.0\r\n"),
      "META-INF/maven/org.apache.logging.log4j/log4j-core/pom.properties": enc.encode("#Created by Maven\nversion=2.14.1\ngroupId=org.apache.logging.log4j\nartifactId=log4j-core\n"),
      "BOOT-INF/lib/inner-lib-2.0.jar": inner,
    });
    const dir = join(temp, "java");
    mkdirSync(join(dir, "opt/app/lib"), { recursive: true });
    writeFileSync(join(dir, "opt/app/app.jar"), fat);
    writeFileSync(join(dir, "opt/app/lib/commons-text-1.9.jar"), zipSync({ "README.txt": enc.encode("no metadata") }));
    const sbom = await scan(dir);
    expect(sbom.packages.map(brief).sort()).toEqual(["commons-text@1.9", "inner-lib@2.0", "log4j-core@2.14.1"]);
    const log4j = byName(sbom.packages, "log4j-core");
    expect(log4j.metadata?.groupId).toBe("org.apache.logging.log4j");
    expect(log4j.purl).toBe("pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1");
    expect(log4j.licenses).toEqual(["Apache-2.0"]);
    expect(byName(sbom.packages, "inner-lib").metadata?.nestedIn).toBe("BOOT-INF/lib/inner-lib-2.0.jar");
  });
});

describe("java archives made by real tools", () => {
  test("jar (JDK) with a nested jar, and a zip64 archive (Info-ZIP -fz)", async () => {
    const sbom = await scan(join(here, "java/rootfs"));
    const found = sbom.packages.map((p) => `${p.metadata?.groupId}:${p.name}@${p.version} ${p.locations[0]!.path}`).sort();
    expect(found).toEqual([
      "com.example:inner-lib@3.4.5 /opt/app/outer-app.jar",
      "com.example:inner-lib@3.4.5 /opt/app/zip64-app.jar",
      "com.example:outer-app@1.0.0 /opt/app/outer-app.jar",
      "com.example:outer-app@1.0.0 /opt/app/zip64-app.jar",
    ]);
  });
});

describe("ruby gems", () => {
  test("installed gemspecs: name, version, licenses", async () => {
    const sbom = await scan(join(here, "ruby/rootfs"));
    expect(sbom.packages.map(brief).sort()).toEqual(["nokogiri@1.13.6", "rack@2.2.3"]);
    expect(byName(sbom.packages, "rack").licenses).toEqual(["MIT"]);
    expect(byName(sbom.packages, "rack").purl).toBe("pkg:gem/rack@2.2.3");
  });
});

describe("php composer", () => {
  test("installed.json (v2) and composer.lock, deduplicated", async () => {
    const sbom = await scan(join(here, "php/rootfs"));
    expect(sbom.packages.map(brief).sort()).toEqual(["guzzlehttp/psr7@1.8.2", "phpunit/phpunit@9.5.0", "symfony/http-kernel@v5.4.20"]);
    const psr7 = byName(sbom.packages, "guzzlehttp/psr7");
    expect(psr7.locations).toHaveLength(2);
    expect(psr7.purl).toBe("pkg:composer/guzzlehttp/psr7@1.8.2");
  });
});

describe("rootfs safety", () => {
  test("a symlink pointing outside the folder resolves inside it, never to the host's file", async () => {
    const dir = join(temp, "escape");
    mkdirSync(join(dir, "var/lib/dpkg"), { recursive: true });
    const { symlinkSync } = await import("node:fs");
    // the host has a real /var/lib/dpkg/status with hundreds of packages
    symlinkSync("../../../../../../../../var/lib/dpkg/status", join(dir, "var/lib/dpkg/status"));
    symlinkSync("/etc/os-release", join(dir, "os-release-abs"));
    const sbom = await scan(dir);
    expect(sbom.packages).toEqual([]);
    expect(sbom.distro).toBeUndefined();
  });
});
