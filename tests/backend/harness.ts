import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { silentLogger } from "../../src/common/log.ts";
import { type BackendOptions, type RunningBackend, startBackend } from "../../src/backend/server.ts";

export const KEY_A = "key-for-account-a-0123456789";
export const KEY_B = "key-for-account-b-0123456789";
export const ADMIN = { user: "admin", password: "correct horse battery" };

export interface TestBackend extends RunningBackend {
  dataDir: string;
  post(path: string, body: unknown, key?: string | null, headers?: Record<string, string>): Promise<Response>;
  get(path: string, key?: string | null, headers?: Record<string, string>): Promise<Response>;
  login(): Promise<string>;
  cleanup(): Promise<void>;
}

/** A backend on a random 127.0.0.1 port with SQLite in a temp dir and two accounts. */
export async function testBackend(options: BackendOptions = {}, dataDir = mkdtempSync(join(tmpdir(), "ks-backend-"))): Promise<TestBackend> {
  const b = await startBackend({ port: 0, hostname: "127.0.0.1", dataDir, apiKeys: `acct-a:${KEY_A},acct-b:${KEY_B}`, admin: ADMIN, logger: silentLogger, ...options });
  const headersFor = (key: string | null | undefined, extra: Record<string, string> = {}) => ({ ...(key ? { "X-API-KEY": key } : {}), ...extra });
  return {
    ...b,
    dataDir,
    post: (path, body, key = KEY_A, headers = {}) =>
      fetch(b.url + path, { method: "POST", headers: { "content-type": "application/json", ...headersFor(key, headers) }, body: typeof body === "string" ? body : JSON.stringify(body) }),
    get: (path, key = KEY_A, headers = {}) => fetch(b.url + path, { headers: headersFor(key, headers) }),
    async login() {
      const r = await fetch(`${b.url}/api/v1/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ user: ADMIN.user, password: ADMIN.password }) });
      const cookie = r.headers.get("set-cookie") ?? "";
      return cookie.split(";")[0] ?? "";
    },
    async cleanup() {
      await b.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
