import { ByteReader } from "./byteReader.ts";
import { ImageContentError } from "./limits.ts";

export type TarEntryType = "file" | "dir" | "symlink" | "hardlink" | "other";

export interface TarHeader {
  /** As written in the archive (not normalised). */
  name: string;
  mode: number;
  size: number;
  type: TarEntryType;
  linkName: string;
  /** Offset of the body in the (uncompressed) tar stream. */
  dataOffset?: number;
}

export interface TarEntry {
  header: TarHeader;
  /** The body as views into stream chunks; valid only until the next entry is requested. */
  body(): AsyncGenerator<Uint8Array>;
}

const BLOCK = 512;
const decoder = new TextDecoder();

function cString(block: Uint8Array, start: number, length: number): string {
  const field = block.subarray(start, start + length);
  const end = field.indexOf(0);
  return decoder.decode(end === -1 ? field : field.subarray(0, end));
}

/** Octal, or GNU base-256 when the high bit of the first byte is set. */
function numeric(block: Uint8Array, start: number, length: number): number {
  const field = block.subarray(start, start + length);
  if ((field[0]! & 0x80) !== 0) {
    let value = field[0]! & 0x7f;
    for (let i = 1; i < field.length; i++) value = value * 256 + field[i]!;
    return value;
  }
  const text = cString(block, start, length).trim();
  if (text === "") return 0;
  if (!/^[0-7]+$/.test(text)) throw new ImageContentError(`tar header has a malformed number field "${text.slice(0, 20)}"`);
  return Number.parseInt(text, 8);
}

function checksumMatches(block: Uint8Array): boolean {
  const stored = numeric(block, 148, 8);
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : block[i]!;
  return sum === stored;
}

function isZeroBlock(block: Uint8Array): boolean {
  for (let i = 0; i < BLOCK; i++) if (block[i] !== 0) return false;
  return true;
}

function entryType(flag: number): TarEntryType {
  switch (String.fromCharCode(flag)) {
    case "0":
    case "\0":
    case "7":
      return "file";
    case "5":
      return "dir";
    case "2":
      return "symlink";
    case "1":
      return "hardlink";
    default:
      return "other";
  }
}

/** PAX records: "<len> key=value\n" repeated. */
function parsePax(data: Uint8Array): Map<string, string> {
  const out = new Map<string, string>();
  const text = decoder.decode(data);
  let i = 0;
  while (i < text.length) {
    const space = text.indexOf(" ", i);
    if (space === -1) break;
    const len = Number.parseInt(text.slice(i, space), 10);
    if (!Number.isFinite(len) || len <= 0) break;
    const record = text.slice(space + 1, i + len - 1);
    const eq = record.indexOf("=");
    if (eq > 0) out.set(record.slice(0, eq), record.slice(eq + 1));
    i += len;
  }
  return out;
}

const padding = (size: number) => (BLOCK - (size % BLOCK)) % BLOCK;
const MAX_META_BYTES = 1024 * 1024;

/**
 * A streaming tar reader (ustar, GNU long names, PAX). Entries must be consumed in order; an
 * entry whose body is not read is skipped without being buffered.
 */
export async function* readTar(source: AsyncIterable<Uint8Array>, what = "tar"): AsyncGenerator<TarEntry> {
  const reader = new ByteReader(source, what);
  let longName: string | undefined;
  let longLink: string | undefined;
  let pax: Map<string, string> | undefined;
  try {
    for (;;) {
      const block = await reader.readExact(BLOCK);
      if (block === null) return; // end without the two zero blocks: tolerated, as GNU tar does
      if (isZeroBlock(block)) {
        await reader.drain();
        return;
      }
      if (!checksumMatches(block)) throw new ImageContentError(`${what}: not a tar archive or corrupt header (checksum mismatch)`);
      const flag = String.fromCharCode(block[156]!);
      let size = numeric(block, 124, 12);
      if (flag === "L" || flag === "K" || flag === "x" || flag === "g") {
        if (size > MAX_META_BYTES) throw new ImageContentError(`${what}: tar metadata record of ${size} bytes is too large`);
        const data = size > 0 ? await reader.readExact(size) : new Uint8Array(0);
        if (data === null) throw new ImageContentError(`${what}: truncated inside a tar metadata record`);
        const copy = data.slice();
        await reader.skip(padding(size));
        if (flag === "L") longName = cString(copy, 0, copy.length);
        else if (flag === "K") longLink = cString(copy, 0, copy.length);
        else if (flag === "x") pax = parsePax(copy);
        continue;
      }
      const magic = cString(block, 257, 6);
      const prefix = magic.startsWith("ustar") ? cString(block, 345, 155) : "";
      let name = cString(block, 0, 100);
      if (prefix) name = `${prefix}/${name}`;
      let linkName = cString(block, 157, 100);
      if (longName !== undefined) name = longName;
      if (longLink !== undefined) linkName = longLink;
      if (pax?.has("path")) name = pax.get("path")!;
      if (pax?.has("linkpath")) linkName = pax.get("linkpath")!;
      if (pax?.has("size")) size = Number(pax.get("size"));
      longName = longLink = pax = undefined;
      const type = entryType(block[156]!);
      // Only regular files carry data; a size on links/dirs is ignored by tar too, except for "other".
      const bodySize = type === "file" || type === "other" ? size : 0;
      let consumed = false;
      let remaining = bodySize;
      const body = async function* () {
        if (consumed) throw new Error("tar entry body read twice");
        consumed = true;
        for await (const piece of reader.chunks(remaining)) {
          remaining -= piece.length;
          yield piece;
        }
      };
      yield { header: { name, mode: numeric(block, 100, 8), size: bodySize, type, linkName, dataOffset: reader.position }, body };
      // whatever the consumer left unread (all of it, or the rest after an early stop)
      await reader.skip(remaining);
      // umoci 0.4.7 `insert` ends layers right after the last file's data (no padding, no
      // trailer): the data is complete, so a stream ending inside padding is a clean end.
      if (!(await reader.skipLenient(padding(bodySize)))) return;
    }
  } finally {
    await reader.cancel();
  }
}
