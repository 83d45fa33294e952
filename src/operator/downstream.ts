/** JSON POSTs to kubescape / kubevuln with bounded retries on connection errors. */
import { errorMessage } from "../common/errors.ts";

export interface PostOptions {
  /** Attempts on connection errors (refused, reset); HTTP errors are not retried. */
  attempts?: number;
  retryDelayMs?: number;
  timeoutMs?: number;
}

export class DownstreamError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = "DownstreamError";
  }
}

/** POSTs JSON; resolves with the response text on 200–203 (the reference's success range). */
export async function postJson(url: string, body: unknown, options: PostOptions = {}): Promise<string> {
  const attempts = options.attempts ?? 5;
  let lastError: unknown;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    let res: Response;
    try {
      res = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(options.timeoutMs ?? 60_000),
      });
    } catch (err) {
      lastError = err;
      if (attempt < attempts) await Bun.sleep(options.retryDelayMs ?? 5000);
      continue;
    }
    const text = await res.text();
    if (res.status >= 200 && res.status <= 203) return text;
    throw new DownstreamError(`POST ${url} answered ${res.status}: ${text.slice(0, 300)}`, res.status);
  }
  throw new DownstreamError(`POST ${url} failed after ${attempts} attempts: ${errorMessage(lastError)}`);
}

export async function getJson(url: string, timeoutMs = 30_000): Promise<unknown> {
  const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  const text = await res.text();
  if (!res.ok) throw new DownstreamError(`GET ${url} answered ${res.status}: ${text.slice(0, 300)}`, res.status);
  return text === "" ? undefined : JSON.parse(text);
}

/** `kubescape:8080` → `http://kubescape:8080` (no trailing slash). */
export function serviceBase(url: string): string {
  const withScheme = /^[a-z]+:\/\//i.test(url) ? url : `http://${url}`;
  return withScheme.replace(/\/+$/, "");
}
