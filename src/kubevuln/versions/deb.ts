/**
 * Debian version ordering (Debian Policy §5.6.12, as `dpkg --compare-versions` implements it):
 * [epoch:]upstream[-revision]; `~` sorts before everything, even the end of the string.
 */

interface DebVersion {
  epoch: number;
  upstream: string;
  revision: string;
}

export function parseDebVersion(version: string): DebVersion {
  const v = version.trim();
  const colon = v.indexOf(":");
  let epoch = 0;
  let rest = v;
  if (colon > 0 && /^\d+$/.test(v.slice(0, colon))) {
    epoch = Number(v.slice(0, colon));
    rest = v.slice(colon + 1);
  }
  const dash = rest.lastIndexOf("-");
  return dash >= 0 ? { epoch, upstream: rest.slice(0, dash), revision: rest.slice(dash + 1) } : { epoch, upstream: rest, revision: "" };
}

function charOrder(c: string | undefined): number {
  if (c === undefined) return 0;
  if (c === "~") return -1;
  const code = c.charCodeAt(0);
  if (c >= "0" && c <= "9") return 0;
  if ((c >= "a" && c <= "z") || (c >= "A" && c <= "Z")) return code;
  return code + 256;
}

const isDigit = (c: string | undefined) => c !== undefined && c >= "0" && c <= "9";

/** dpkg's verrevcmp: alternating non-digit and digit runs. */
function compareFragment(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    let firstDiff = 0;
    while ((i < a.length && !isDigit(a[i])) || (j < b.length && !isDigit(b[j]))) {
      const ac = charOrder(isDigit(a[i]) ? undefined : a[i]);
      const bc = charOrder(isDigit(b[j]) ? undefined : b[j]);
      if (ac !== bc) return ac - bc;
      i++;
      j++;
    }
    while (a[i] === "0") i++;
    while (b[j] === "0") j++;
    while (isDigit(a[i]) && isDigit(b[j])) {
      if (!firstDiff) firstDiff = a.charCodeAt(i) - b.charCodeAt(j);
      i++;
      j++;
    }
    if (isDigit(a[i])) return 1;
    if (isDigit(b[j])) return -1;
    if (firstDiff) return firstDiff;
  }
  return 0;
}

export function compareDeb(a: string, b: string): number {
  const va = parseDebVersion(a);
  const vb = parseDebVersion(b);
  if (va.epoch !== vb.epoch) return va.epoch < vb.epoch ? -1 : 1;
  const up = compareFragment(va.upstream, vb.upstream);
  if (up !== 0) return Math.sign(up);
  return Math.sign(compareFragment(va.revision, vb.revision));
}
