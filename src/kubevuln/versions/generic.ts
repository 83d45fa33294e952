/** Fallback ordering for versions no format parser accepts: numeric runs numerically, the rest lexically. */
export function compareGeneric(a: string, b: string): number {
  const ta = a.match(/\d+|[a-zA-Z]+/g) ?? [];
  const tb = b.match(/\d+|[a-zA-Z]+/g) ?? [];
  const n = Math.max(ta.length, tb.length);
  for (let i = 0; i < n; i++) {
    const x = ta[i];
    const y = tb[i];
    if (x === undefined) return /^\d/.test(y!) ? -1 : 1;
    if (y === undefined) return /^\d/.test(x) ? 1 : -1;
    const xn = /^\d/.test(x);
    const yn = /^\d/.test(y);
    if (xn && yn) {
      const d = BigInt(x) - BigInt(y);
      if (d !== 0n) return d < 0n ? -1 : 1;
    } else if (xn !== yn) return xn ? 1 : -1;
    else if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}
