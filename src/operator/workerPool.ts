/** A bounded pool: at most `concurrency` tasks run, at most `maxQueued` wait; more are refused. */
export class WorkerPool<T> {
  private readonly queue: T[] = [];
  private running = 0;
  private waiters: Array<() => void> = [];

  constructor(
    private readonly concurrency: number,
    private readonly maxQueued: number,
    private readonly run: (task: T) => Promise<void>,
  ) {}

  /** Queues a task; false when the queue is full (the caller answers 503). */
  submit(task: T): boolean {
    if (this.queue.length >= this.maxQueued) return false;
    this.queue.push(task);
    this.pump();
    return true;
  }

  /** Room for n more tasks? */
  hasRoom(n: number): boolean {
    return this.queue.length + n <= this.maxQueued;
  }

  get queued(): number {
    return this.queue.length;
  }

  get active(): number {
    return this.running;
  }

  /** Resolves when nothing is queued or running. */
  idle(): Promise<void> {
    if (this.running === 0 && this.queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private pump(): void {
    while (this.running < this.concurrency && this.queue.length > 0) {
      const task = this.queue.shift()!;
      this.running++;
      void this.run(task)
        .catch(() => {
          /* the task reports its own failure */
        })
        .finally(() => {
          this.running--;
          this.pump();
          if (this.running === 0 && this.queue.length === 0) {
            const w = this.waiters;
            this.waiters = [];
            for (const resolve of w) resolve();
          }
        });
    }
  }
}
