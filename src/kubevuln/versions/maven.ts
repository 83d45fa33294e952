/**
 * Maven version ordering after ComparableVersion: items split on `.`/`-` and digit↔letter
 * changes; known qualifiers alpha < beta < milestone < rc < snapshot < "" (= ga/final/release)
 * < sp < other strings; numbers sort after strings; trailing "null" items are ignored.
 */

type Item = { kind: "int"; value: bigint } | { kind: "str"; value: string } | { kind: "list"; items: Item[] };

const QUALIFIERS = ["alpha", "beta", "milestone", "rc", "snapshot", "", "sp"];
const ALIASES: Record<string, string> = { ga: "", final: "", release: "", cr: "rc", a: "alpha", b: "beta", m: "milestone" };

function stringItem(raw: string, followedByDigit: boolean): Item {
  let s = raw.toLowerCase();
  if (followedByDigit && s.length === 1 && "abm".includes(s)) s = ALIASES[s]!;
  else if (s in ALIASES && s.length > 1) s = ALIASES[s]!;
  return { kind: "str", value: s };
}

function qualifierKey(s: string): string {
  const i = QUALIFIERS.indexOf(s);
  return i >= 0 ? String(i) : `${QUALIFIERS.length}-${s}`;
}

function isNull(item: Item): boolean {
  if (item.kind === "int") return item.value === 0n;
  if (item.kind === "str") return qualifierKey(item.value) === qualifierKey("");
  return item.items.length === 0;
}

function normalise(list: Item[]): void {
  for (let i = list.length - 1; i >= 0; i--) {
    const last = list[i]!;
    if (isNull(last)) list.splice(i, 1);
    else if (last.kind !== "list") break;
  }
}

function parse(version: string): Item {
  const root: Item[] = [];
  let list = root;
  const stack: Item[][] = [root];
  let start = 0;
  let isDigit = false;
  const v = version.toLowerCase();
  const push = (token: string, nextIsDigit: boolean) => {
    if (token === "") list.push({ kind: "int", value: 0n });
    else list.push(isDigit ? { kind: "int", value: BigInt(token) } : stringItem(token, nextIsDigit));
  };
  // `-` and a digit↔letter change start a nested list (ComparableVersion's ListItem).
  const openSublist = () => {
    const sub: Item[] = [];
    list.push({ kind: "list", items: sub });
    list = sub;
    stack.push(sub);
  };
  for (let i = 0; i < v.length; i++) {
    const c = v[i]!;
    if (c === ".") {
      push(v.slice(start, i), false);
      start = i + 1;
    } else if (c === "-") {
      push(v.slice(start, i), false);
      start = i + 1;
      openSublist();
    } else if (c >= "0" && c <= "9") {
      if (!isDigit && i > start) {
        push(v.slice(start, i), true);
        start = i;
        openSublist();
      }
      isDigit = true;
    } else {
      if (isDigit && i > start) {
        push(v.slice(start, i), false);
        start = i;
        openSublist();
      }
      isDigit = false;
    }
  }
  if (v.length > start) push(v.slice(start), false);
  for (const l of stack.reverse()) normalise(l);
  return { kind: "list", items: root };
}

function compareItem(a: Item | undefined, b: Item | undefined): number {
  if (a === undefined && b === undefined) return 0;
  if (a === undefined) return -compareItem(b, undefined);
  if (a.kind === "int") {
    if (b === undefined) return a.value === 0n ? 0 : 1;
    if (b.kind === "int") return a.value === b.value ? 0 : a.value < b.value ? -1 : 1;
    return 1;
  }
  if (a.kind === "str") {
    if (b === undefined) return cmpStr(qualifierKey(a.value), qualifierKey(""));
    if (b.kind === "int" || b.kind === "list") return -1;
    return cmpStr(qualifierKey(a.value), qualifierKey(b.value));
  }
  if (b === undefined) {
    for (const item of a.items) {
      const c = compareItem(item, undefined);
      if (c !== 0) return c;
    }
    return 0;
  }
  if (b.kind === "int") return -1;
  if (b.kind === "str") return 1;
  const n = Math.max(a.items.length, b.items.length);
  for (let i = 0; i < n; i++) {
    const c = compareItem(a.items[i], b.items[i]);
    if (c !== 0) return c;
  }
  return 0;
}

function cmpStr(a: string, b: string): number {
  return a === b ? 0 : a < b ? -1 : 1;
}

export function compareMaven(a: string, b: string): number {
  return compareItem(parse(a), parse(b));
}
