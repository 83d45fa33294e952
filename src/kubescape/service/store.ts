/** Finished scans kept for GET /v1/results: bounded, oldest dropped first. */
export type StoredResult = { kind: "report"; report: unknown } | { kind: "error"; message: string };

export class ResultStore {
  private readonly results = new Map<string, StoredResult>();

  constructor(private readonly maxKept: number) {}

  put(id: string, result: StoredResult): void {
    this.results.delete(id);
    this.results.set(id, result);
    while (this.results.size > this.maxKept) {
      const oldest = this.results.keys().next().value;
      if (oldest === undefined) break;
      this.results.delete(oldest);
    }
  }

  get(id: string): StoredResult | undefined {
    return this.results.get(id);
  }

  delete(id: string): boolean {
    return this.results.delete(id);
  }

  clear(): void {
    this.results.clear();
  }

  get size(): number {
    return this.results.size;
  }
}
