import { existsSync, mkdtempSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { importOsv } from "../../src/kubevuln/db/import.ts";
import { SHARED_DIR } from "../support/shared.ts";

export const ROOT = resolve(import.meta.dir, "../..");
export const BINARY = join(ROOT, "dist", "ks");

/** dist/ks, compiled now unless it is newer than every source file. */
export async function ensureBinary(): Promise<string> {
  const newestSource = Math.max(...[...new Bun.Glob("src/**/*.{ts,json,html,css}").scanSync({ cwd: ROOT })].map((f) => statSync(join(ROOT, f)).mtimeMs));
  if (!existsSync(BINARY) || statSync(BINARY).mtimeMs < newestSource) {
    const p = Bun.spawn(["bash", join(ROOT, "scripts/build.sh")], { cwd: ROOT, env: { ...process.env, KS_BUILD_ALL: "0" }, stdout: "ignore", stderr: "pipe" });
    const [code, err] = await Promise.all([p.exited, new Response(p.stderr).text()]);
    if (code !== 0) throw new Error(`building dist/ks failed: ${err}`);
  }
  return BINARY;
}

/** A vulnerability database of the shared real advisories. */
export async function sharedVulnDb(): Promise<string> {
  const path = join(mkdtempSync(join(tmpdir(), "ks-e2e-db-")), "vulndb.sqlite");
  await importOsv([join(SHARED_DIR, "vulndb/osv")], path);
  return path;
}

/** The backend's dashboard API, authenticated with the cluster's API key. */
export function backendApi(baseUrl: string, apiKey: string) {
  const call = async <T>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> => {
    const res = await fetch(`${baseUrl}/api/v1${path}`, {
      method,
      headers: { "X-API-KEY": apiKey, ...(body === undefined ? {} : { "content-type": "application/json" }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      /* not JSON */
    }
    return { status: res.status, body: parsed as T };
  };
  return {
    get: <T>(path: string) => call<T>("GET", path),
    post: <T>(path: string, body: unknown) => call<T>("POST", path, body),
    put: <T>(path: string, body: unknown) => call<T>("PUT", path, body),
    patch: <T>(path: string, body: unknown) => call<T>("PATCH", path, body),
    del: <T>(path: string) => call<T>("DELETE", path),
  };
}
