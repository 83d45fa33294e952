import { homedir } from "node:os";
import { join } from "node:path";

/** `--db` default: KS_VULNDB, else ~/.cache/ks/vulndb.sqlite (in the image: /var/lib/ks/vulndb.sqlite via env). */
export function defaultDbPath(env: Record<string, string | undefined> = process.env): string {
  return env.KS_VULNDB || join(homedir(), ".cache", "ks", "vulndb.sqlite");
}
