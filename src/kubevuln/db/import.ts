import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { Unzip, UnzipInflate } from "fflate";
import type { Logger } from "../../common/log.ts";
import { OsvRecordSchema } from "./osv.ts";
import { createWriter, openWritableDb, readMeta, type DbMeta } from "./store.ts";

export interface ImportResult {
  read: number;
  stored: number;
  /** Same id seen again with an equal or older `modified`. */
  duplicates: number;
  rejected: Array<{ source: string; error: string }>;
  meta: DbMeta;
}

/** Largest single advisory file accepted (a real OSV record is a few KiB). */
const MAX_RECORD_BYTES = 8 * 1024 * 1024;

function* jsonFilesIn(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) yield* jsonFilesIn(p);
    else if (entry.isFile() && entry.name.endsWith(".json")) yield p;
  }
}

/** Streams a zip archive (per-ecosystem zips as OSV publishes them, or all.zip), one JSON entry at a time. */
async function forEachZipEntry(path: string, onEntry: (name: string, text: string) => void, onError: (name: string, err: string) => void): Promise<void> {
  const decoder = new TextDecoder();
  const unzip = new Unzip((file) => {
    if (!file.name.endsWith(".json")) return;
    const parts: Uint8Array[] = [];
    let size = 0;
    let tooBig = false;
    file.ondata = (err, chunk, final) => {
      if (err) return onError(file.name, err.message);
      if (!tooBig) {
        size += chunk.length;
        if (size > MAX_RECORD_BYTES) {
          tooBig = true;
          onError(file.name, `entry larger than ${MAX_RECORD_BYTES} bytes`);
        } else parts.push(chunk);
      }
      if (final && !tooBig) onEntry(file.name, decoder.decode(Buffer.concat(parts)));
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  for await (const chunk of Bun.file(path).stream()) unzip.push(chunk);
  unzip.push(new Uint8Array(0), true);
}

/** Imports OSV JSON from folders, .json files and .zip archives into the SQLite index at dbPath. */
export async function importOsv(sources: string[], dbPath: string, logger?: Logger): Promise<ImportResult> {
  const db = openWritableDb(dbPath);
  const writer = createWriter(db);
  const result: Omit<ImportResult, "meta"> = { read: 0, stored: 0, duplicates: 0, rejected: [] };
  const take = (source: string, text: string) => {
    result.read++;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (err) {
      result.rejected.push({ source, error: `not JSON: ${(err as Error).message}` });
      return;
    }
    const parsed = OsvRecordSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      result.rejected.push({ source, error: `not an OSV record: ${issue?.path.join(".") || "(root)"}: ${issue?.message}` });
      return;
    }
    if (writer.put(parsed.data)) result.stored++;
    else result.duplicates++;
  };
  try {
    for (const source of sources) {
      const st = statSync(source, { throwIfNoEntry: false });
      if (!st) throw new Error(`${source}: no such file or folder`);
      if (st.isDirectory()) {
        for (const file of jsonFilesIn(source)) {
          if (statSync(file).size > MAX_RECORD_BYTES) result.rejected.push({ source: file, error: "file too large" });
          else take(file, await Bun.file(file).text());
        }
      } else if (source.endsWith(".zip")) {
        await forEachZipEntry(source, (name, text) => take(`${source}!${name}`, text), (name, error) => result.rejected.push({ source: `${source}!${name}`, error }));
      } else {
        take(source, await Bun.file(source).text());
      }
      logger?.info({ source, read: result.read, stored: result.stored }, "imported source");
    }
    writer.finish(sources);
    return { ...result, meta: readMeta(db) };
  } finally {
    db.close();
  }
}
