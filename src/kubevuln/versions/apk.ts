/**
 * Alpine (apk) version ordering: dotted numbers, an optional letter, suffixes
 * (_alpha < _beta < _pre < _rc < none < _cvs < _svn < _git < _hg < _p) each with an optional
 * number, then -rN.
 */

const SUFFIX_RANK: Record<string, number> = { alpha: 0, beta: 1, pre: 2, rc: 3, "": 4, cvs: 5, svn: 6, git: 7, hg: 8, p: 9 };

interface ApkVersion {
  numbers: string[];
  letter: string;
  suffixes: Array<{ rank: number; n: bigint }>;
  revision: bigint;
  valid: boolean;
}

function parseApk(v: string): ApkVersion {
  const m = /^(\d+(?:\.\d+)*)([a-z]?)((?:_(?:alpha|beta|pre|rc|cvs|svn|git|hg|p)\d*)*)(?:~[0-9a-f]+)?(?:-r(\d+))?$/.exec(v.trim());
  if (!m) return { numbers: v.split(/[^0-9]+/).filter(Boolean), letter: "", suffixes: [], revision: 0n, valid: false };
  const suffixes = [...(m[3] ?? "").matchAll(/_([a-z]+)(\d*)/g)].map((s) => ({ rank: SUFFIX_RANK[s[1]!] ?? 4, n: BigInt(s[2] || "0") }));
  return { numbers: m[1]!.split("."), letter: m[2] ?? "", suffixes, revision: BigInt(m[4] ?? "0"), valid: true };
}

/** Digit runs after the first compare as decimals when one has a leading zero (apk-tools rule). */
function compareNumberPart(a: string, b: string, first: boolean): number {
  if (!first && (a.startsWith("0") || b.startsWith("0"))) {
    const x = `0.${a}`;
    const y = `0.${b}`;
    return x === y ? 0 : x < y ? -1 : 1;
  }
  const x = BigInt(a);
  const y = BigInt(b);
  return x === y ? 0 : x < y ? -1 : 1;
}

export function compareApk(a: string, b: string): number {
  const x = parseApk(a);
  const y = parseApk(b);
  const n = Math.min(x.numbers.length, y.numbers.length);
  for (let i = 0; i < n; i++) {
    const c = compareNumberPart(x.numbers[i]!, y.numbers[i]!, i === 0);
    if (c !== 0) return c;
  }
  if (x.numbers.length !== y.numbers.length) return x.numbers.length > y.numbers.length ? 1 : -1;
  if (x.letter !== y.letter) return x.letter < y.letter ? -1 : 1;
  const m = Math.max(x.suffixes.length, y.suffixes.length);
  for (let i = 0; i < m; i++) {
    const sx = x.suffixes[i] ?? { rank: SUFFIX_RANK[""]!, n: 0n };
    const sy = y.suffixes[i] ?? { rank: SUFFIX_RANK[""]!, n: 0n };
    if (sx.rank !== sy.rank) return sx.rank < sy.rank ? -1 : 1;
    if (sx.n !== sy.n) return sx.n < sy.n ? -1 : 1;
  }
  if (x.revision !== y.revision) return x.revision < y.revision ? -1 : 1;
  return 0;
}
