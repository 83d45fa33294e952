import { describe, expect, test } from "bun:test";
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { compareDeb } from "../../../src/kubevuln/versions/deb.ts";
import { compareRpm } from "../../../src/kubevuln/versions/rpm.ts";
import { debVersion, pairs, rpmPart, seededRandom } from "./generate.ts";

const COUNT = 10_000;

describe("version comparators against the real tools", () => {
  test(`deb: agrees with dpkg --compare-versions on ${COUNT} pairs`, () => {
    const rnd = seededRandom(1234);
    const mutate = (v: string) => {
      const r = rnd();
      if (r < 0.3) return v + pick(["~", "~1", "+b1", "a", ".0", "0"]);
      if (r < 0.6) return v.replace(/\d(?!.*\d)/, (d) => String((Number(d) + 1) % 10));
      return v.replace(/~/, "");
    };
    const pick = (xs: string[]) => xs[Math.floor(rnd() * xs.length)]!;
    const list = pairs(rnd, () => debVersion(rnd), mutate, COUNT);
    const dir = mkdtempSync(join(tmpdir(), "deb-oracle-"));
    const file = join(dir, "pairs.txt");
    writeFileSync(file, list.map(([a, b]) => `${a} ${b}`).join("\n") + "\n");
    // One shell per half of the file; dpkg decides each pair (lt / eq / gt).
    const script = `while read -r a b; do if dpkg --compare-versions "$a" lt "$b"; then echo -1; elif dpkg --compare-versions "$a" eq "$b"; then echo 0; else echo 1; fi; done`;
    const res = spawnSync("bash", ["-c", script], { input: list.map(([a, b]) => `${a} ${b}`).join("\n") + "\n", encoding: "utf8", maxBuffer: 1 << 24 });
    expect(res.status).toBe(0);
    const expected = res.stdout.trim().split("\n").map(Number);
    expect(expected).toHaveLength(COUNT);
    // The pairs must exercise every outcome, or agreement would prove little.
    for (const outcome of [-1, 0, 1]) expect(expected.filter((e) => e === outcome).length).toBeGreaterThan(100);
    const disagreements = list.map(([a, b], i) => ({ a, b, dpkg: expected[i], ours: compareDeb(a, b) })).filter((r) => r.dpkg !== r.ours);
    expect(disagreements.slice(0, 5)).toEqual([]);
  }, 300_000);

  test(`rpm: agrees with rpm.labelCompare on ${COUNT} pairs`, () => {
    const rnd = seededRandom(99);
    const make = () => ({ e: rnd() < 0.2 ? String(Math.floor(rnd() * 3)) : "0", v: rpmPart(rnd), r: rpmPart(rnd) });
    const mutate = (x: { e: string; v: string; r: string }) => {
      const r = rnd();
      if (r < 0.3) return { ...x, v: x.v + ["~", "^", ".0", "a", "1"][Math.floor(rnd() * 5)]! };
      if (r < 0.6) return { ...x, r: x.r.replace(/\d(?!.*\d)/, (d) => String((Number(d) + 1) % 10)) };
      return { ...x, v: x.v.replace(/[._+]/, "") || x.v };
    };
    const list = pairs(rnd, make, mutate, COUNT);
    const py = `
import sys, json, rpm
for line in sys.stdin:
    a, b = json.loads(line)
    print(rpm.labelCompare(tuple(a), tuple(b)))
`;
    const input = list.map(([a, b]) => JSON.stringify([[a.e, a.v, a.r], [b.e, b.v, b.r]])).join("\n") + "\n";
    const res = spawnSync("/usr/bin/python3", ["-c", py], { input, encoding: "utf8", maxBuffer: 1 << 24 });
    expect(res.stderr).toBe("");
    const expected = res.stdout.trim().split("\n").map(Number);
    expect(expected).toHaveLength(COUNT);
    for (const outcome of [-1, 0, 1]) expect(expected.filter((e) => e === outcome).length).toBeGreaterThan(100);
    const disagreements = list
      .map(([a, b], i) => ({ a, b, rpm: expected[i], ours: compareRpm(`${a.e}:${a.v}-${a.r}`, `${b.e}:${b.v}-${b.r}`) }))
      .filter((r) => r.rpm !== r.ours);
    expect(disagreements.slice(0, 5)).toEqual([]);
  }, 120_000);
});
