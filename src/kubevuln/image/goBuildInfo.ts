/**
 * Finds the Go build-info blob ("\xff Go buildinf:" header, Go 1.18+ inline layout) in an ELF
 * file while it streams past, keeping only the bytes after the header.
 */
const MAGIC = new Uint8Array([0xff, 0x20, 0x47, 0x6f, 0x20, 0x62, 0x75, 0x69, 0x6c, 0x64, 0x69, 0x6e, 0x66, 0x3a]);
const CAPTURE_BYTES = 512 * 1024;

function indexOfMagic(hay: Uint8Array, from = 0): number {
  return Buffer.from(hay.buffer, hay.byteOffset, hay.byteLength).indexOf(MAGIC, from);
}

export function isElf(head: Uint8Array): boolean {
  return head.length >= 4 && head[0] === 0x7f && head[1] === 0x45 && head[2] === 0x4c && head[3] === 0x46;
}

/** Returns the build-info region (header included) or undefined for non-ELF / non-Go files. */
export async function extractGoBuildInfo(chunks: AsyncIterable<Uint8Array>): Promise<Uint8Array | undefined> {
  let first = true;
  let tail = new Uint8Array(0);
  let captured: Uint8Array[] | undefined;
  let capturedBytes = 0;
  for await (const chunk of chunks) {
    if (first) {
      first = false;
      if (!isElf(chunk)) return undefined;
    }
    if (captured) {
      captured.push(chunk.slice(0, CAPTURE_BYTES - capturedBytes));
      capturedBytes += Math.min(chunk.length, CAPTURE_BYTES - capturedBytes);
      if (capturedBytes >= CAPTURE_BYTES) break;
      continue;
    }
    // magic split across two chunks: search the joint
    if (tail.length > 0) {
      const joint = new Uint8Array(tail.length + Math.min(chunk.length, MAGIC.length));
      joint.set(tail);
      joint.set(chunk.subarray(0, MAGIC.length), tail.length);
      const at = indexOfMagic(joint);
      if (at !== -1) {
        captured = [joint.slice(at, tail.length), chunk.slice(0, CAPTURE_BYTES)];
        capturedBytes = captured[0]!.length + captured[1]!.length;
        if (capturedBytes >= CAPTURE_BYTES) break;
        continue;
      }
    }
    const at = indexOfMagic(chunk);
    if (at !== -1) {
      const piece = chunk.slice(at, at + CAPTURE_BYTES);
      captured = [piece];
      capturedBytes = piece.length;
      if (capturedBytes >= CAPTURE_BYTES) break;
      continue;
    }
    tail = chunk.slice(Math.max(0, chunk.length - (MAGIC.length - 1)));
  }
  if (!captured) return undefined;
  return Buffer.concat(captured);
}
