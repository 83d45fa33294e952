import { timingSafeEqual } from "node:crypto";
import { ConfigError } from "../../common/errors.ts";
import type { Store } from "../store/types.ts";

/** `BACKEND_API_KEYS=account:key,account2:key2` → key → account. */
export function parseApiKeysEnv(value: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const entry of (value ?? "").split(",").map((e) => e.trim()).filter(Boolean)) {
    const colon = entry.indexOf(":");
    const account = entry.slice(0, colon).trim();
    const key = entry.slice(colon + 1).trim();
    if (colon <= 0 || key.length === 0) throw new ConfigError(`BACKEND_API_KEYS: entry "${entry.slice(0, 20)}…" is not account:key`);
    if (key.length < 16) throw new ConfigError(`BACKEND_API_KEYS: the key for account "${account}" is shorter than 16 characters`);
    out.set(key, account);
  }
  return out;
}

/** A new random API key (URL-safe, 256 bits). */
export function generateApiKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return `ks_${Buffer.from(bytes).toString("base64url")}`;
}

function sameString(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Resolves an `X-API-KEY` to its account: keys from the environment first, then the store. */
export class ApiKeyResolver {
  private readonly cache = new Map<string, { account: string | null; at: number }>();

  constructor(
    private readonly store: Store,
    private readonly envKeys: Map<string, string>,
    private readonly cacheMs = 10_000,
  ) {}

  async accountFor(key: string | null | undefined): Promise<string | null> {
    if (!key) return null;
    for (const [k, account] of this.envKeys) if (sameString(k, key)) return account;
    const hit = this.cache.get(key);
    if (hit && Date.now() - hit.at < this.cacheMs) return hit.account;
    const account = await this.store.accountForApiKey(key);
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(key, { account, at: Date.now() });
    return account;
  }

  forget(): void {
    this.cache.clear();
  }

  envAccounts(): string[] {
    return [...new Set(this.envKeys.values())];
  }
}
