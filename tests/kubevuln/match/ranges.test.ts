import { describe, expect, test } from "bun:test";
import { evaluateAffected } from "../../../src/kubevuln/match/ranges.ts";
import { compareDeb } from "../../../src/kubevuln/versions/deb.ts";
import { compareSemver } from "../../../src/kubevuln/versions/semver.ts";

describe("OSV range semantics", () => {
  const eco = (events: object[]) => [{ type: "ECOSYSTEM", events }];

  test("introduced / fixed", () => {
    const r = eco([{ introduced: "1.0.0" }, { fixed: "1.2.0" }]);
    expect(evaluateAffected("0.9.0", r, [], compareSemver).affected).toBe(false);
    expect(evaluateAffected("1.0.0", r, [], compareSemver)).toEqual({ affected: true, fixed: ["1.2.0"], range: ">=1.0.0, <1.2.0" });
    expect(evaluateAffected("1.2.0", r, [], compareSemver).affected).toBe(false);
  });

  test("last_affected is inclusive and gives no fix", () => {
    const r = eco([{ introduced: "0" }, { last_affected: "2.0.0" }]);
    expect(evaluateAffected("2.0.0", r, [], compareSemver)).toEqual({ affected: true, fixed: [], range: ">=0, <=2.0.0" });
    expect(evaluateAffected("2.0.1", r, [], compareSemver).affected).toBe(false);
  });

  test("several introduced/fixed pairs in one range; events out of order", () => {
    const r = eco([{ fixed: "1.5" }, { introduced: "2.0" }, { introduced: "1.0" }, { fixed: "2.3" }]);
    expect(evaluateAffected("1.2", r, [], compareSemver).affected).toBe(true);
    expect(evaluateAffected("1.7", r, [], compareSemver).affected).toBe(false);
    expect(evaluateAffected("2.1", r, [], compareSemver).affected).toBe(true);
  });

  test("explicit version lists; GIT ranges ignored", () => {
    expect(evaluateAffected("1.1", [{ type: "GIT", events: [{ introduced: "0" }] }], ["1.1"], compareSemver).affected).toBe(true);
    expect(evaluateAffected("1.2", [{ type: "GIT", events: [{ introduced: "0" }] }], ["1.1"], compareSemver).affected).toBe(false);
  });

  test("distro ranges use the distro's ordering", () => {
    const r = eco([{ introduced: "0" }, { fixed: "2.36-9+deb12u3" }]);
    expect(evaluateAffected("2.36-9+deb12u10", r, [], compareDeb).affected).toBe(false);
    expect(evaluateAffected("2.36-9", r, [], compareDeb).affected).toBe(true);
  });
});
