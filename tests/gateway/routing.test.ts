import { describe, expect, test } from "bun:test";
import { attributesFromQuery, attributesKey, attributesMatch, RoutingTable } from "../../src/gateway/routing.ts";

describe("attributesMatch", () => {
  const operator = { customerGUID: "a1", clusterName: "c1", clusterComponent: "InClusterTriggerHandler" };

  test("every shared key equal → match; extra target keys (dest) are ignored", () => {
    expect(attributesMatch(operator, { customerGUID: "a1", clusterName: "c1", dest: "trigger" })).toBe(true);
  });
  test("client attributes missing from the target are ignored", () => {
    expect(attributesMatch(operator, { customerGUID: "a1" })).toBe(true);
  });
  test("one shared key with another value → no match", () => {
    expect(attributesMatch(operator, { customerGUID: "a1", clusterName: "c2" })).toBe(false);
  });
  test("no shared key → no match", () => {
    expect(attributesMatch(operator, { dest: "trigger" })).toBe(false);
    expect(attributesMatch({}, { customerGUID: "a1" })).toBe(false);
  });
  test("values compare exactly (case matters)", () => {
    expect(attributesMatch({ clusterName: "C1" }, { clusterName: "c1" })).toBe(false);
  });
});

describe("attributesFromQuery / attributesKey", () => {
  test("first value of each parameter wins", () => {
    expect(attributesFromQuery(new URLSearchParams("a=1&b=2&a=3"))).toEqual({ a: "1", b: "2" });
  });
  test("key order does not change the key", () => {
    expect(attributesKey({ a: "1", b: "2" })).toBe(attributesKey({ b: "2", a: "1" }));
    expect(attributesKey({ a: "1" })).not.toBe(attributesKey({ a: "2" }));
  });
});

describe("RoutingTable", () => {
  test("groups equal attribute sets and finds exactly the matching groups", () => {
    const t = new RoutingTable();
    const g1 = t.add({ customerGUID: "a", clusterName: "c1" });
    const g1b = t.add({ clusterName: "c1", customerGUID: "a" });
    const g2 = t.add({ customerGUID: "a", clusterName: "c2" });
    const g3 = t.add({ customerGUID: "b", clusterName: "c1" });
    expect(g1b).toBe(g1);
    expect(g1.members).toBe(2);
    expect(t.groupCount).toBe(3);
    expect(t.clientCount).toBe(4);
    expect(t.match({ customerGUID: "a", clusterName: "c1" })).toEqual([g1]);
    expect(new Set(t.match({ customerGUID: "a" }))).toEqual(new Set([g1, g2]));
    expect(new Set(t.match({ clusterName: "c1" }))).toEqual(new Set([g1, g3]));
    expect(t.match({ customerGUID: "z" })).toEqual([]);
  });

  test("agrees with attributesMatch on random sets", () => {
    const t = new RoutingTable();
    const pick = (n: number) => String(Math.floor(Math.random() * n));
    const sets: Record<string, string>[] = [];
    for (let i = 0; i < 200; i++) {
      const a: Record<string, string> = {};
      for (const k of ["customerGUID", "clusterName", "clusterComponent"]) if (Math.random() < 0.7) a[k] = pick(3);
      if (Object.keys(a).length === 0) a.customerGUID = pick(3);
      sets.push(a);
      t.add(a);
    }
    for (let i = 0; i < 100; i++) {
      const target: Record<string, string> = { dest: "trigger" };
      for (const k of ["customerGUID", "clusterName", "clusterComponent"]) if (Math.random() < 0.5) target[k] = pick(3);
      const expected = new Set(sets.filter((s) => attributesMatch(s, target)).map(attributesKey));
      const got = new Set(t.match(target).map((g) => g.key));
      expect(got).toEqual(expected);
    }
  });

  test("a group disappears with its last member", () => {
    const t = new RoutingTable();
    const g = t.add({ a: "1" });
    t.add({ a: "1" });
    t.remove(g);
    expect(t.match({ a: "1" })).toEqual([g]);
    t.remove(g);
    expect(t.match({ a: "1" })).toEqual([]);
    expect(t.groupCount).toBe(0);
  });
});
