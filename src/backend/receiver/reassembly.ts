import type { Logger } from "../../common/log.ts";
import type { ReportKind, Store } from "../store/types.ts";

export type ChunkOutcome = "stored" | "duplicate" | "complete" | "already-complete";

export interface Assembler {
  kind: ReportKind;
  /** Parses the persisted chunk bodies (in chunk order) and commits the report; false if it was already stored. */
  commit(account: string, reportId: string, bodies: string[]): Promise<boolean>;
}

/**
 * Chunk reassembly. Each chunk is persisted before the sender gets its 200, so nothing accepted
 * is lost; a report is committed (visible) only once chunks 0..last are all present. Chunks may
 * arrive in any order or twice. Assembly of one report runs once at a time in this process;
 * the store's report marker makes a second commit a no-op.
 */
export class ChunkReassembler {
  private readonly inFlight = new Map<string, Promise<unknown>>();

  constructor(
    private readonly store: Store,
    private readonly logger: Logger,
    private readonly onComplete: (account: string, kind: ReportKind, reportId: string) => void = () => {},
  ) {}

  async receive(assembler: Assembler, account: string, reportId: string, chunkNumber: number, isLast: boolean, body: string): Promise<ChunkOutcome> {
    if (await this.store.isReportComplete(account, assembler.kind, reportId)) return "already-complete";
    const inserted = await this.store.putChunk(account, assembler.kind, reportId, chunkNumber, isLast, body);
    const completed = await this.tryComplete(assembler, account, reportId);
    if (completed) return "complete";
    return inserted ? "stored" : "duplicate";
  }

  /** Commits the report when all its chunks are present; true if this call committed it. */
  async tryComplete(assembler: Assembler, account: string, reportId: string): Promise<boolean> {
    const key = `${account}\u0000${assembler.kind}\u0000${reportId}`;
    // Serialise per report: a concurrent last chunk waits, then finds the report done.
    while (this.inFlight.has(key)) await this.inFlight.get(key);
    const work = (async () => {
      const state = await this.store.chunkState(account, assembler.kind, reportId);
      if (state.lastChunk === null || state.received !== state.lastChunk + 1) return false;
      const bodies = await this.store.loadChunks(account, assembler.kind, reportId);
      const committed = await assembler.commit(account, reportId, bodies);
      if (committed) {
        this.logger.info({ account, kind: assembler.kind, reportId, chunks: bodies.length }, "report complete");
        this.onComplete(account, assembler.kind, reportId);
      }
      return committed;
    })();
    this.inFlight.set(key, work);
    try {
      return await work;
    } finally {
      this.inFlight.delete(key);
    }
  }

  /** After a restart: assemble reports whose last chunk was persisted but not yet committed. */
  async recover(assemblers: Assembler[]): Promise<number> {
    let n = 0;
    for (const p of await this.store.pendingReports()) {
      const a = assemblers.find((x) => x.kind === p.kind);
      if (!a) continue;
      try {
        if (await this.tryComplete(a, p.account, p.reportId)) n++;
      } catch (err) {
        this.logger.error({ err, ...p }, "could not assemble a persisted report");
      }
    }
    return n;
  }
}
