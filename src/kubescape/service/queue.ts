/**
 * One scan at a time, a bounded number waiting. A full queue refuses at once (the caller gets
 * 429) instead of growing without bound.
 */
export class QueueFullError extends Error {}

interface Job<T> {
  id: string;
  work: () => Promise<T>;
  resolve: (v: T) => void;
  reject: (e: unknown) => void;
}

export class ScanQueue<T> {
  private readonly waiting: Job<T>[] = [];
  private runningId: string | undefined;

  constructor(private readonly maxWaiting: number) {}

  get running(): string | undefined {
    return this.runningId;
  }

  get waitingIds(): string[] {
    return this.waiting.map((j) => j.id);
  }

  isBusy(id: string): boolean {
    return this.runningId === id || this.waiting.some((j) => j.id === id);
  }

  /** Queues work; the promise settles when it has run. Throws QueueFullError when full. */
  enqueue(id: string, work: () => Promise<T>): Promise<T> {
    if (this.waiting.length >= this.maxWaiting) throw new QueueFullError(`scan queue is full (${this.maxWaiting} waiting)`);
    const promise = new Promise<T>((resolve, reject) => this.waiting.push({ id, work, resolve, reject }));
    this.pump();
    return promise;
  }

  private pump(): void {
    if (this.runningId !== undefined) return;
    const job = this.waiting.shift();
    if (!job) return;
    this.runningId = job.id;
    void job
      .work()
      .then(job.resolve, job.reject)
      .finally(() => {
        this.runningId = undefined;
        this.pump();
      });
  }
}
