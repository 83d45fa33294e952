/**
 * RPM version ordering (rpmvercmp over epoch, version and release, with `~` sorting before and
 * `^` after the end of a string), as rpm's own labelCompare does.
 */

const isDigit = (c: string | undefined) => c !== undefined && c >= "0" && c <= "9";
const isAlpha = (c: string | undefined) => c !== undefined && ((c >= "a" && c <= "z") || (c >= "A" && c <= "Z"));
const isAlnum = (c: string | undefined) => isDigit(c) || isAlpha(c);

export function rpmvercmp(a: string, b: string): number {
  if (a === b) return 0;
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    while (i < a.length && !isAlnum(a[i]) && a[i] !== "~" && a[i] !== "^") i++;
    while (j < b.length && !isAlnum(b[j]) && b[j] !== "~" && b[j] !== "^") j++;
    if (a[i] === "~" || b[j] === "~") {
      if (a[i] !== "~") return 1;
      if (b[j] !== "~") return -1;
      i++;
      j++;
      continue;
    }
    if (a[i] === "^" || b[j] === "^") {
      if (i >= a.length) return -1;
      if (j >= b.length) return 1;
      if (a[i] !== "^") return 1;
      if (b[j] !== "^") return -1;
      i++;
      j++;
      continue;
    }
    if (!(i < a.length && j < b.length)) break;
    const si = i;
    const sj = j;
    const numeric = isDigit(a[i]);
    const inRun = numeric ? isDigit : isAlpha;
    while (inRun(a[i])) i++;
    while (inRun(b[j])) j++;
    if (j === sj) return numeric ? 1 : -1;
    let x = a.slice(si, i);
    let y = b.slice(sj, j);
    if (numeric) {
      x = x.replace(/^0+/, "");
      y = y.replace(/^0+/, "");
      if (x.length !== y.length) return x.length > y.length ? 1 : -1;
    }
    if (x !== y) return x < y ? -1 : 1;
  }
  if (i >= a.length && j >= b.length) return 0;
  return i >= a.length ? -1 : 1;
}

export interface Evr {
  epoch: number;
  version: string;
  release: string;
}

export function parseRpmVersion(v: string): Evr {
  let rest = v.trim();
  let epoch = 0;
  const colon = rest.indexOf(":");
  if (colon > 0 && /^\d+$/.test(rest.slice(0, colon))) {
    epoch = Number(rest.slice(0, colon));
    rest = rest.slice(colon + 1);
  }
  const dash = rest.lastIndexOf("-");
  return dash >= 0 ? { epoch, version: rest.slice(0, dash), release: rest.slice(dash + 1) } : { epoch, version: rest, release: "" };
}

/** Compares [epoch:]version[-release]; a missing release on either side compares equal on release. */
export function compareRpm(a: string, b: string): number {
  const x = parseRpmVersion(a);
  const y = parseRpmVersion(b);
  if (x.epoch !== y.epoch) return x.epoch < y.epoch ? -1 : 1;
  const v = rpmvercmp(x.version, y.version);
  if (v !== 0 || x.release === "" || y.release === "") return v;
  return rpmvercmp(x.release, y.release);
}
