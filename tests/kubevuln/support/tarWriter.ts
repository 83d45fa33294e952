/** A tiny ustar writer for building test layers by hand (hostile ones included). */
export interface TarSpec {
  name: string;
  type?: "file" | "dir" | "symlink" | "hardlink";
  content?: string | Uint8Array;
  linkName?: string;
  mode?: number;
}

function octal(value: number, length: number): string {
  return value.toString(8).padStart(length - 1, "0") + "\0";
}

function header(name: string, size: number, flag: string, linkName: string, mode: number): Uint8Array {
  const block = new Uint8Array(512);
  const enc = new TextEncoder();
  const put = (text: string, at: number, len: number) => block.set(enc.encode(text).subarray(0, len), at);
  put(name, 0, 100);
  put(octal(mode, 8), 100, 8);
  put(octal(0, 8), 108, 8);
  put(octal(0, 8), 116, 8);
  put(octal(size, 12), 124, 12);
  put(octal(0, 12), 136, 12);
  put("        ", 148, 8);
  put(flag, 156, 1);
  put(linkName, 157, 100);
  put("ustar\0", 257, 6);
  put("00", 263, 2);
  let sum = 0;
  for (const b of block) sum += b;
  put(`${sum.toString(8).padStart(6, "0")}\0 `, 148, 8);
  return block;
}

function padded(data: Uint8Array): Uint8Array[] {
  const pad = (512 - (data.length % 512)) % 512;
  return [data, new Uint8Array(pad)];
}

export function makeTar(entries: TarSpec[], options: { trailer?: boolean } = {}): Uint8Array {
  const parts: Uint8Array[] = [];
  const enc = new TextEncoder();
  for (const e of entries) {
    const type = e.type ?? "file";
    const data = type === "file" ? (typeof e.content === "string" ? enc.encode(e.content) : (e.content ?? new Uint8Array(0))) : new Uint8Array(0);
    if (e.name.length > 100) {
      const record = `path=${e.name}\n`;
      let len = record.length + 3;
      while (`${len} ${record}`.length !== len) len = `${len} ${record}`.length;
      const pax = enc.encode(`${len} ${record}`);
      parts.push(header("PaxHeader", pax.length, "x", "", 0o644), ...padded(pax));
    }
    const flag = { file: "0", dir: "5", symlink: "2", hardlink: "1" }[type];
    parts.push(header(e.name.slice(0, 100), data.length, flag, e.linkName ?? "", e.mode ?? (type === "dir" ? 0o755 : 0o644)), ...padded(data));
  }
  if (options.trailer ?? true) parts.push(new Uint8Array(1024));
  return Buffer.concat(parts);
}

export async function* streamOf(bytes: Uint8Array, chunkSize = 700): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += chunkSize) yield bytes.subarray(i, i + chunkSize);
}

export function sha256(bytes: Uint8Array): string {
  return `sha256:${new Bun.CryptoHasher("sha256").update(bytes).digest("hex")}`;
}
