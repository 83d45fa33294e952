import { existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import { dirname } from "node:path";
import { errorMessage } from "../../common/errors.ts";
import type { Logger } from "../../common/log.ts";
import { openVulnDb, type VulnDb } from "../db/store.ts";

export interface VulnDbSource {
  /** Where the SQLite database is (mounted) or will be written (downloaded). */
  path: string;
  /** Where to download it from when missing (ignored when downloads are off). */
  url?: string;
  /** false = air-gapped: only a mounted file is used. */
  download: boolean;
}

/**
 * Holds the vulnerability database: opens a mounted file, or downloads it first, and keeps
 * retrying until it has one. Readiness follows `ready`.
 */
export class VulnDbHolder {
  private db: VulnDb | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  lastError = "not loaded yet";
  /** Build time of the open database (read once: its metadata query scans the whole index). */
  builtAt = "";

  constructor(
    private readonly source: VulnDbSource,
    private readonly logger: Logger,
  ) {}

  get ready(): boolean {
    return this.db !== undefined;
  }

  get current(): VulnDb {
    if (!this.db) throw new Error(`vulnerability database not loaded: ${this.lastError}`);
    return this.db;
  }

  /** One attempt; true when a database is open afterwards. */
  async tryLoad(): Promise<boolean> {
    if (this.db) return true;
    try {
      if (!existsSync(this.source.path)) {
        if (!this.source.download || !this.source.url) {
          throw new Error(`${this.source.path} does not exist${this.source.download ? " and no download URL is set (KS_VULNDB_URL)" : " (downloads are off: mount the database there)"}`);
        }
        await this.download(this.source.url);
      }
      this.db = openVulnDb(this.source.path);
      const meta = this.db.meta();
      this.builtAt = meta.builtAt;
      this.logger.info({ path: this.source.path, advisories: meta.advisories, builtAt: meta.builtAt }, "vulnerability database loaded");
      return true;
    } catch (err) {
      this.lastError = errorMessage(err);
      this.logger.warn({ err: this.lastError }, "vulnerability database not available yet");
      return false;
    }
  }

  private async download(url: string): Promise<void> {
    const res = await fetch(url, { signal: AbortSignal.timeout(10 * 60_000) });
    if (!res.ok || !res.body) throw new Error(`downloading ${url} answered ${res.status}`);
    mkdirSync(dirname(this.source.path), { recursive: true });
    const partial = `${this.source.path}.download`;
    const sink = Bun.file(partial).writer();
    try {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) sink.write(chunk);
      await sink.end();
      // prove it opens before it replaces anything
      openVulnDb(partial).close();
      renameSync(partial, this.source.path);
    } catch (err) {
      rmSync(partial, { force: true });
      throw err;
    }
  }

  /** Keeps trying every retryMs until loaded; calls onReady once. */
  start(retryMs: number, onReady: () => void): void {
    const attempt = async () => {
      if (await this.tryLoad()) onReady();
      else this.timer = setTimeout(attempt, retryMs);
    };
    void attempt();
  }

  close(): void {
    if (this.timer) clearTimeout(this.timer);
    this.db?.close();
    this.db = undefined;
  }
}
