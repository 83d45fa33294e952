/** Runs jobs with at most `concurrency` at once and at most `maxQueued` waiting. */
export class ScanQueue {
  private running = 0;
  private readonly waiting: Array<() => Promise<void>> = [];
  private idleWaiters: Array<() => void> = [];

  constructor(
    private readonly concurrency: number,
    private readonly maxQueued: number,
  ) {}

  get size(): number {
    return this.running + this.waiting.length;
  }

  /** False when full: the caller answers 503 and the client retries later. */
  offer(job: () => Promise<void>): boolean {
    if (this.waiting.length >= this.maxQueued) return false;
    this.waiting.push(job);
    this.pump();
    return true;
  }

  private pump(): void {
    while (this.running < this.concurrency && this.waiting.length > 0) {
      const job = this.waiting.shift()!;
      this.running++;
      void job()
        .catch(() => {})
        .finally(() => {
          this.running--;
          this.pump();
          if (this.size === 0) for (const w of this.idleWaiters.splice(0)) w();
        });
    }
  }

  idle(): Promise<void> {
    return this.size === 0 ? Promise.resolve() : new Promise((r) => this.idleWaiters.push(r));
  }
}
