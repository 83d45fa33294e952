/** Seeded generators of tricky version strings, for comparing our comparators with real tools. */

export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(rnd: () => number, items: readonly T[]): T {
  return items[Math.floor(rnd() * items.length)]!;
}

function fragment(rnd: () => number, alphabet: readonly string[], maxLen: number): string {
  const n = 1 + Math.floor(rnd() * maxLen);
  let s = "";
  for (let i = 0; i < n; i++) s += pick(rnd, alphabet);
  return s;
}

const DEB_UP = ["0", "1", "2", "9", "10", "00", ".", "+", "~", "a", "b", "z", "A", "rc", "~rc", "+dfsg", ".1"];
const DEB_REV = ["0", "1", "2", "10", ".", "+", "~", "deb12u", "ubuntu", "b", "+b1", "~bpo"];

/** A valid Debian version: optional epoch, upstream starting with a digit, optional revision. */
export function debVersion(rnd: () => number): string {
  const epoch = rnd() < 0.15 ? `${pick(rnd, ["0", "1", "2", "10"])}:` : "";
  const upstream = pick(rnd, ["0", "1", "2", "3", "10", "01"]) + (rnd() < 0.8 ? fragment(rnd, DEB_UP, 5) : "");
  const revision = rnd() < 0.7 ? `-${pick(rnd, ["0", "1", "2", "10"])}${rnd() < 0.6 ? fragment(rnd, DEB_REV, 3) : ""}` : "";
  return `${epoch}${upstream}${revision}`;
}

const RPM_PARTS = ["0", "1", "2", "9", "10", "010", ".", "_", "+", "~", "^", "a", "b", "rc", "el8", "fc39", "git", ".1"];

export function rpmPart(rnd: () => number): string {
  return pick(rnd, ["0", "1", "2", "10", "a"]) + (rnd() < 0.8 ? fragment(rnd, RPM_PARTS, 5) : "");
}

/** Pairs biased towards near-equal strings, where comparators disagree most. */
export function pairs<T>(rnd: () => number, make: () => T, mutate: (v: T) => T, count: number): Array<[T, T]> {
  const out: Array<[T, T]> = [];
  for (let i = 0; i < count; i++) {
    const a = make();
    out.push([a, rnd() < 0.5 ? mutate(a) : make()]);
  }
  return out;
}
