import { inflateSync } from "fflate";

/** Random access to some bytes: a file on disk or a buffer. */
export interface RangeSource {
  size: number;
  read(offset: number, length: number): Promise<Uint8Array>;
}

export function bufferSource(bytes: Uint8Array): RangeSource {
  return { size: bytes.length, read: async (offset, length) => bytes.subarray(offset, offset + length) };
}

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
}

const u16 = (b: Uint8Array, o: number) => b[o]! | (b[o + 1]! << 8);
const u32 = (b: Uint8Array, o: number) => (b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16)) + b[o + 3]! * 0x1000000;
const u64 = (b: Uint8Array, o: number) => u32(b, o) + u32(b, o + 4) * 0x100000000;

/**
 * Lists a zip's entries from its central directory (zip64 included) reading only the end of the
 * archive and the directory, so a large jar is never loaded whole.
 */
export async function listZip(src: RangeSource): Promise<ZipEntry[]> {
  const tailLength = Math.min(src.size, 65_557);
  const tail = await src.read(src.size - tailLength, tailLength);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail[i] === 0x50 && tail[i + 1] === 0x4b && tail[i + 2] === 0x05 && tail[i + 3] === 0x06) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error("not a zip archive (no end of central directory)");
  let count = u16(tail, eocd + 10);
  let cdSize = u32(tail, eocd + 12);
  let cdOffset = u32(tail, eocd + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const loc = eocd - 20;
    if (loc >= 0 && u32(tail, loc) === 0x07064b50) {
      const rec = await src.read(u64(tail, loc + 8), 56);
      if (u32(rec, 0) === 0x06064b50) {
        count = u64(rec, 32);
        cdSize = u64(rec, 40);
        cdOffset = u64(rec, 48);
      }
    }
  }
  if (cdOffset + cdSize > src.size || cdSize > 64 * 1024 * 1024) throw new Error("zip central directory out of range");
  const cd = await src.read(cdOffset, cdSize);
  const entries: ZipEntry[] = [];
  let at = 0;
  const decoder = new TextDecoder();
  for (let n = 0; n < count && at + 46 <= cd.length && u32(cd, at) === 0x02014b50; n++) {
    const nameLength = u16(cd, at + 28);
    const extraLength = u16(cd, at + 30);
    const commentLength = u16(cd, at + 32);
    const name = decoder.decode(cd.subarray(at + 46, at + 46 + nameLength));
    let compressedSize = u32(cd, at + 20);
    let size = u32(cd, at + 24);
    let localHeaderOffset = u32(cd, at + 42);
    // zip64 extra field: 64-bit values for the fields saturated above, in this order
    let x = at + 46 + nameLength;
    const extraEnd = x + extraLength;
    while (x + 4 <= extraEnd) {
      const id = u16(cd, x);
      const len = u16(cd, x + 2);
      if (id === 0x0001) {
        let p = x + 4;
        if (size === 0xffffffff) (size = u64(cd, p)), (p += 8);
        if (compressedSize === 0xffffffff) (compressedSize = u64(cd, p)), (p += 8);
        if (localHeaderOffset === 0xffffffff) localHeaderOffset = u64(cd, p);
      }
      x += 4 + len;
    }
    entries.push({ name, method: u16(cd, at + 10), compressedSize, size, localHeaderOffset });
    at = extraEnd + commentLength;
  }
  return entries;
}

/** One entry's content (stored or deflated). */
export async function readZipEntry(src: RangeSource, entry: ZipEntry): Promise<Uint8Array> {
  const header = await src.read(entry.localHeaderOffset, 30);
  if (u32(header, 0) !== 0x04034b50) throw new Error(`zip entry ${entry.name}: bad local header`);
  const start = entry.localHeaderOffset + 30 + u16(header, 26) + u16(header, 28);
  const data = await src.read(start, entry.compressedSize);
  if (entry.method === 0) return data;
  if (entry.method === 8) return inflateSync(data, { out: new Uint8Array(entry.size) });
  throw new Error(`zip entry ${entry.name}: unsupported compression method ${entry.method}`);
}
