import { ImageContentError } from "./limits.ts";

/**
 * Pull-based reader over a byte stream: hands out header-sized pieces and body chunks without
 * gathering a whole entry, so memory stays at one stream chunk whatever the layer size.
 */
export class ByteReader {
  private chunk: Uint8Array = new Uint8Array(0);
  private offset = 0;
  private done = false;
  /** Bytes handed out (or skipped) so far: the offset of the next byte in the stream. */
  position = 0;
  private readonly iterator: AsyncIterator<Uint8Array>;

  constructor(
    source: AsyncIterable<Uint8Array>,
    private readonly what: string,
  ) {
    this.iterator = source[Symbol.asyncIterator]();
  }

  private async fill(): Promise<boolean> {
    while (this.offset >= this.chunk.length) {
      if (this.done) return false;
      const next = await this.iterator.next();
      if (next.done) {
        this.done = true;
        return false;
      }
      this.chunk = next.value;
      this.offset = 0;
    }
    return true;
  }

  /** Exactly n bytes, or null at a clean end of stream; throws if the stream ends part-way. */
  async readExact(n: number): Promise<Uint8Array | null> {
    if (!(await this.fill())) return null;
    if (this.chunk.length - this.offset >= n) {
      const out = this.chunk.subarray(this.offset, this.offset + n);
      this.offset += n;
      this.position += n;
      return out;
    }
    const out = new Uint8Array(n);
    let got = 0;
    while (got < n) {
      if (!(await this.fill())) throw new ImageContentError(`${this.what}: truncated (stream ended inside a ${n}-byte block)`);
      const take = Math.min(n - got, this.chunk.length - this.offset);
      out.set(this.chunk.subarray(this.offset, this.offset + take), got);
      this.offset += take;
      this.position += take;
      got += take;
    }
    return out;
  }

  /** Yields the next n bytes as views into the stream's chunks. */
  async *chunks(n: number): AsyncGenerator<Uint8Array> {
    let left = n;
    while (left > 0) {
      if (!(await this.fill())) throw new ImageContentError(`${this.what}: truncated (stream ended ${left} bytes before the end of an entry)`);
      const take = Math.min(left, this.chunk.length - this.offset);
      const piece = this.chunk.subarray(this.offset, this.offset + take);
      this.offset += take;
      this.position += take;
      left -= take;
      yield piece;
    }
  }

  /** Skips up to n bytes; returns false if the stream ended first (no error). */
  async skipLenient(n: number): Promise<boolean> {
    let left = n;
    while (left > 0) {
      if (!(await this.fill())) return false;
      const take = Math.min(left, this.chunk.length - this.offset);
      this.offset += take;
      this.position += take;
      left -= take;
    }
    return true;
  }

  async skip(n: number): Promise<void> {
    for await (const _ of this.chunks(n)) {
      /* discard */
    }
  }

  /** Reads to the end of the stream (so digests cover trailing padding). */
  async drain(): Promise<void> {
    while (await this.fill()) this.offset = this.chunk.length;
  }

  async cancel(): Promise<void> {
    await this.iterator.return?.();
  }
}
