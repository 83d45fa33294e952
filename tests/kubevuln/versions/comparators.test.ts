import { describe, expect, test } from "bun:test";
import { compareApk } from "../../../src/kubevuln/versions/apk.ts";
import { compareDeb } from "../../../src/kubevuln/versions/deb.ts";
import { compareGem } from "../../../src/kubevuln/versions/gem.ts";
import { compareGo } from "../../../src/kubevuln/versions/go.ts";
import { compareMaven } from "../../../src/kubevuln/versions/maven.ts";
import { comparePep440 } from "../../../src/kubevuln/versions/pep440.ts";
import { compareRpm } from "../../../src/kubevuln/versions/rpm.ts";
import { compareSemver } from "../../../src/kubevuln/versions/semver.ts";

type Cmp = (a: string, b: string) => number;

/** Each list is strictly ascending: every earlier element sorts before every later one. */
function expectAscending(cmp: Cmp, ordered: string[]) {
  for (let i = 0; i < ordered.length; i++) {
    expect(cmp(ordered[i]!, ordered[i]!)).toBe(0);
    for (let j = i + 1; j < ordered.length; j++) {
      expect([ordered[i], ordered[j], cmp(ordered[i]!, ordered[j]!)]).toEqual([ordered[i], ordered[j], -1]);
      expect(cmp(ordered[j]!, ordered[i]!)).toBe(1);
    }
  }
}

describe("version formats", () => {
  test("deb", () => {
    expectAscending(compareDeb, ["1.0~rc1-1", "1.0-1", "1.0-1+b1", "1.0-1+deb12u1", "1.0a-1", "1.1-1", "1:0.1-1"]);
    expect(compareDeb("2.36-9+deb12u4", "2.36-9+deb12u10")).toBe(-1);
    expect(compareDeb("1.0", "1.0-0")).toBe(0);
  });

  test("rpm", () => {
    expectAscending(compareRpm, ["1.0~rc1-1", "1.0-1", "1.0^git1-1", "1.0a-1", "1.0.1-1", "1:0.9-1"]);
    expect(compareRpm("1.0-1.el8", "1.0-1.el9")).toBe(-1);
    // A fixed-version bound without a release matches any release of that version.
    expect(compareRpm("1.2.3-4.el9", "1.2.3")).toBe(0);
  });

  test("apk", () => {
    expectAscending(compareApk, ["1.2.3_alpha1-r0", "1.2.3_rc2-r0", "1.2.3-r0", "1.2.3-r1", "1.2.3_p1-r0", "1.2.3a-r0", "1.2.4-r0", "1.10-r0"]);
    expect(compareApk("3.3.2-r0", "3.3.2-r0")).toBe(0);
  });

  test("semver (npm)", () => {
    expectAscending(compareSemver, ["1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-beta", "1.0.0", "1.0.1", "1.10.0", "2.0.0"]);
  });

  test("Go modules: v prefix, +incompatible, pseudo-versions, toolchains", () => {
    expectAscending(compareGo, ["v0.0.0-20190101000000-abcdefabcdef", "v0.0.0-20200101000000-abcdefabcdef", "v0.1.0", "v2.0.0+incompatible", "v2.1.0"]);
    expect(compareGo("v1.2.3", "1.2.3")).toBe(0);
    expectAscending(compareGo, ["go1.21rc1", "go1.21.0", "go1.21.3", "go1.22.0"]);
  });

  test("PEP 440", () => {
    expectAscending(comparePep440, ["1.0.dev1", "1.0a1", "1.0b2", "1.0rc1", "1.0", "1.0.post1", "1.1", "1!0.5"]);
  });

  test("Maven", () => {
    expectAscending(compareMaven, ["1.0-alpha-1", "1.0-beta-2", "1.0-milestone-1", "1.0-rc-1", "1.0-SNAPSHOT", "1.0", "1.0-sp-1", "1.0.1", "1.1"]);
    expect(compareMaven("1.0", "1.0.0")).toBe(0);
    expect(compareMaven("1.0.GA", "1.0")).toBe(0);
    expect(compareMaven("2.17.1", "2.15.0")).toBe(1);
  });

  test("RubyGems", () => {
    expectAscending(compareGem, ["1.0.0.a", "1.0.0.b1", "1.0.0", "1.0.1", "1.10"]);
  });
});
