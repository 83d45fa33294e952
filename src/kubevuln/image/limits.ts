/** Bounds on what one scan may read, so a hostile or huge image fails fast with a clear message. */
export interface ScanLimits {
  /** Sum of compressed layer sizes (what is downloaded). */
  maxImageBytes: number;
  /** Sum of uncompressed layer bytes. */
  maxUncompressedBytes: number;
  /** Largest single file kept for a cataloger (larger ones spill to disk up to this size). */
  maxFileBytes: number;
  /** Uncompressed / compressed, checked once a layer has produced more than ratioGraceBytes. */
  maxCompressionRatio: number;
  ratioGraceBytes: number;
  /** Tar entries across all layers. */
  maxEntries: number;
  /** Wall-clock budget for reading the image. */
  timeoutMs: number;
}

export const DEFAULT_LIMITS: ScanLimits = {
  maxImageBytes: 5 * 1024 ** 3,
  maxUncompressedBytes: 20 * 1024 ** 3,
  maxFileBytes: 512 * 1024 ** 2,
  maxCompressionRatio: 200,
  ratioGraceBytes: 64 * 1024 ** 2,
  maxEntries: 2_000_000,
  timeoutMs: 5 * 60_000,
};

export function withLimits(overrides: Partial<ScanLimits> | undefined): ScanLimits {
  return { ...DEFAULT_LIMITS, ...(overrides ?? {}) };
}

/** A limit was exceeded: the scan stops and the message names the limit and the value. */
export class LimitExceededError extends Error {
  constructor(
    readonly limit: keyof ScanLimits,
    message: string,
  ) {
    super(message);
    this.name = "LimitExceededError";
  }
}

/** The image content is malformed or hostile (traversal, bad digest, truncated data). */
export class ImageContentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ImageContentError";
  }
}

/** Fetching the image failed (registry answer, authentication, missing file). */
export class ImageSourceError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = "ImageSourceError";
  }
}
