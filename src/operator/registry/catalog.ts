/**
 * Registry listing over the Docker Registry HTTP API v2: `/v2/_catalog` (paged by Link) and
 * `/v2/<repo>/tags/list`, with Basic or Bearer-token auth. Selection (include/exclude/depth) is pure.
 */

export interface RegistryCredentials {
  username?: string;
  password?: string;
}

export interface RegistryClientOptions {
  /** `https://host[:port]` or `http://…`. */
  baseUrl: string;
  credentials?: RegistryCredentials;
  skipTLSVerify?: boolean;
  timeoutMs?: number;
  /** Upper bound on repositories read from the catalog. */
  maxRepositories?: number;
}

function parseChallenge(header: string): { scheme: string; params: Record<string, string> } {
  const [scheme = "", ...rest] = header.trim().split(/\s+/);
  const params: Record<string, string> = {};
  for (const m of rest.join(" ").matchAll(/(\w+)="([^"]*)"/g)) params[m[1]!] = m[2]!;
  return { scheme: scheme.toLowerCase(), params };
}

export class RegistryClient {
  private bearer?: string;

  constructor(private readonly options: RegistryClientOptions) {}

  private basic(): string | undefined {
    const c = this.options.credentials;
    if (!c?.username && !c?.password) return undefined;
    return `Basic ${Buffer.from(`${c.username ?? ""}:${c.password ?? ""}`).toString("base64")}`;
  }

  private async request(path: string): Promise<Response> {
    const url = new URL(path, this.options.baseUrl);
    const init = (auth?: string): RequestInit =>
      ({
        headers: auth ? { authorization: auth } : {},
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 30_000),
        tls: this.options.skipTLSVerify ? { rejectUnauthorized: false } : undefined,
      }) as RequestInit;
    let res = await fetch(url, init(this.bearer ? `Bearer ${this.bearer}` : this.basic()));
    if (res.status !== 401) return res;
    const challenge = parseChallenge(res.headers.get("www-authenticate") ?? "");
    await res.body?.cancel();
    if (challenge.scheme === "bearer" && challenge.params.realm) {
      const tokenUrl = new URL(challenge.params.realm);
      if (challenge.params.service) tokenUrl.searchParams.set("service", challenge.params.service);
      if (challenge.params.scope) tokenUrl.searchParams.set("scope", challenge.params.scope);
      const tokenRes = await fetch(tokenUrl, init(this.basic()));
      if (!tokenRes.ok) throw new Error(`registry token endpoint answered ${tokenRes.status}`);
      const token = (await tokenRes.json()) as { token?: string; access_token?: string };
      this.bearer = token.token ?? token.access_token;
      res = await fetch(url, init(`Bearer ${this.bearer}`));
    } else {
      res = await fetch(url, init(this.basic()));
    }
    return res;
  }

  private async json<T>(path: string): Promise<{ body: T; next?: string }> {
    const res = await this.request(path);
    if (!res.ok) throw new Error(`registry GET ${path} answered ${res.status}`);
    const link = res.headers.get("link");
    const next = link ? /<([^>]+)>\s*;\s*rel="?next"?/.exec(link)?.[1] : undefined;
    return { body: (await res.json()) as T, next };
  }

  async repositories(): Promise<string[]> {
    const max = this.options.maxRepositories ?? 10_000;
    const out: string[] = [];
    let path: string | undefined = "/v2/_catalog?n=100";
    while (path && out.length < max) {
      const page: { body: { repositories?: string[] }; next?: string } = await this.json<{ repositories?: string[] }>(path);
      out.push(...(page.body.repositories ?? []));
      path = page.next;
    }
    return out.slice(0, max);
  }

  async tags(repository: string): Promise<string[]> {
    const { body } = await this.json<{ tags?: string[] | null }>(`/v2/${repository}/tags/list`);
    return body.tags ?? [];
  }
}

export interface RepositorySelection {
  include?: string[];
  exclude?: string[];
}

/** include (non-empty) keeps only those repositories; exclude drops those. */
export function selectRepositories(all: readonly string[], selection: RepositorySelection): string[] {
  const include = (selection.include ?? []).filter(Boolean);
  const exclude = new Set((selection.exclude ?? []).filter(Boolean));
  return all.filter((r) => (include.length === 0 || include.includes(r)) && !exclude.has(r));
}

const collator = new Intl.Collator("en", { numeric: true });

/** The `depth` tags to scan: `latest` first, then the highest by numeric-aware order. */
export function selectTags(tags: readonly string[], depth: number): string[] {
  const sorted = [...new Set(tags)].sort((a, b) => (a === "latest" ? -1 : b === "latest" ? 1 : collator.compare(b, a)));
  return sorted.slice(0, Math.max(1, depth));
}
