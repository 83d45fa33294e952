/**
 * Bun's collector lets garbage grow to a multiple of the live heap; a scan produces a burst of
 * short-lived objects per control (the controls' result lists), so on a large snapshot RSS would
 * climb far above what is live. This guard runs a full collection when RSS has grown by more
 * than `slackMiB` since the last one, which keeps peak RSS near live size at a small time cost.
 */
export function memoryGuard(slackMiB = 64): () => void {
  const gc = (globalThis as { Bun?: { gc(force: boolean): void } }).Bun?.gc;
  if (!gc) return () => {};
  const rssMiB = () => process.memoryUsage.rss() / (1024 * 1024);
  // Start from a clean heap: parsing just left the input text and its temporaries behind.
  gc(true);
  let baseline = rssMiB();
  return () => {
    const now = rssMiB();
    if (now - baseline < slackMiB) return;
    gc(true);
    baseline = rssMiB();
  };
}
