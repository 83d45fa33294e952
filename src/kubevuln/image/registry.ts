import { ImageContentError, ImageSourceError, LimitExceededError, type ScanLimits } from "./limits.ts";
import { choosePlatform, defaultPlatform, ImageConfigSchema, isTarLayer, MANIFEST_ACCEPT, type ImageManifest, type Platform, parseManifest, sha256Digest } from "./manifest.ts";
import { type ImageReference, parseReference } from "./reference.ts";
import { authFor, basicHeader, fetchBearerToken, parseChallenge, type RegistryAuth, type RegistryCredential } from "./registryAuth.ts";
import type { ImageSource, LayerRef } from "./source.ts";

export interface RegistryOptions {
  useHTTP?: boolean;
  skipTLSVerify?: boolean;
  credentials?: RegistryCredential[];
  platform?: Platform;
  signal?: AbortSignal;
}

const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;

/**
 * A minimal OCI distribution client for pulling: answers 401 challenges with Basic or with a
 * bearer token from the realm (anonymously or with the request's credentials).
 */
export class RegistryClient {
  private authorization: string | undefined;
  private readonly base: string;

  constructor(
    readonly ref: ImageReference,
    private readonly auth: RegistryAuth,
    private readonly options: RegistryOptions,
  ) {
    this.base = `${options.useHTTP ? "http" : "https"}://${ref.registry}/v2/${ref.repository}`;
    if (auth.kind === "token") this.authorization = `Bearer ${auth.token}`;
  }

  private get tls(): unknown {
    return this.options.skipTLSVerify ? { rejectUnauthorized: false } : undefined;
  }

  private async raw(path: string, accept?: string, blob = false): Promise<Response> {
    const headers: Record<string, string> = {};
    if (accept) headers.accept = accept;
    if (this.authorization) headers.authorization = this.authorization;
    const tls = this.tls ? { tls: this.tls } : {};
    const init = { headers, signal: this.options.signal, redirect: blob ? "manual" : "follow", ...tls };
    const fail = (err: Error) => {
      if (err.name === "AbortError" || err.name === "TimeoutError") throw err;
      throw new ImageSourceError(`cannot reach registry ${this.ref.registry}: ${err.message}`);
    };
    const res = await fetch(`${this.base}${path}`, init as RequestInit).catch(fail);
    const location = res.headers.get("location");
    if (blob && res.status >= 300 && res.status < 400 && location) {
      // blob storage (S3, CDN) gets a pre-signed URL and must not see the registry's credentials
      await res.body?.cancel();
      const target = new URL(location, `${this.base}${path}`);
      return fetch(target, { signal: this.options.signal, ...tls } as RequestInit).catch(fail);
    }
    return res;
  }

  async get(path: string, accept?: string, blob = false): Promise<Response> {
    let res = await this.raw(path, accept, blob);
    if (res.status === 401) {
      const challenge = parseChallenge(res.headers.get("www-authenticate"));
      await res.body?.cancel();
      if (challenge?.scheme === "basic" && this.auth.kind === "basic") this.authorization = basicHeader(this.auth.username, this.auth.password);
      else if (challenge?.scheme === "bearer") {
        const scope = `repository:${this.ref.repository}:pull`;
        const token = await fetchBearerToken(challenge, scope, this.auth, { signal: this.options.signal, tls: this.tls });
        this.authorization = `Bearer ${token}`;
      } else throw new ImageSourceError(`registry ${this.ref.registry} requires credentials (401) and none match it`, 401);
      res = await this.raw(path, accept, blob);
    }
    if (!res.ok) {
      const text = (await res.text().catch(() => "")).slice(0, 200);
      const status = res.status === 401 || res.status === 403 ? res.status : res.status === 404 ? 404 : 502;
      throw new ImageSourceError(`registry ${this.ref.registry} answered ${res.status} for ${this.ref.repository}${path}${text ? `: ${text}` : ""}`, status);
    }
    return res;
  }

  /** Manifest bytes by tag or digest, checked against the digest when one was asked for. */
  async manifest(reference: string): Promise<{ bytes: Uint8Array; digest: string; contentType: string | undefined }> {
    const res = await this.get(`/manifests/${reference}`, MANIFEST_ACCEPT);
    const length = Number(res.headers.get("content-length") ?? "0");
    if (length > MAX_MANIFEST_BYTES) throw new ImageContentError(`manifest of ${length} bytes is too large`);
    const bytes = new Uint8Array(await res.arrayBuffer());
    if (bytes.length > MAX_MANIFEST_BYTES) throw new ImageContentError(`manifest of ${bytes.length} bytes is too large`);
    const digest = sha256Digest(bytes);
    if (reference.includes(":") && reference !== digest) {
      throw new ImageContentError(`${this.ref.canonical}: manifest digest mismatch (expected ${reference}, got ${digest})`);
    }
    return { bytes, digest, contentType: res.headers.get("content-type") ?? undefined };
  }

  async blobBytes(digest: string, maxBytes: number): Promise<Uint8Array> {
    const res = await this.get(`/blobs/${digest}`, undefined, true);
    const bytes = new Uint8Array(await res.arrayBuffer());
    if (bytes.length > maxBytes) throw new ImageContentError(`blob ${digest} is larger than expected`);
    if (digest.startsWith("sha256:") && sha256Digest(bytes) !== digest) throw new ImageContentError(`blob ${digest}: digest mismatch`);
    return bytes;
  }

  async blobStream(digest: string): Promise<AsyncIterable<Uint8Array>> {
    const res = await this.get(`/blobs/${digest}`, undefined, true);
    if (!res.body) throw new ImageSourceError(`registry sent no body for blob ${digest}`);
    return res.body as unknown as AsyncIterable<Uint8Array>;
  }
}

/** Resolves a reference to its manifest for the platform and returns lazily opened layers. */
export async function registrySource(reference: string, options: RegistryOptions, limits: ScanLimits): Promise<ImageSource> {
  const ref = parseReference(reference);
  const client = new RegistryClient(ref, authFor(ref.registry, options.credentials), options);
  const top = await client.manifest(ref.digest ?? ref.tag ?? "latest");
  let parsed = parseManifest(top.bytes, top.contentType, ref.canonical);
  if (parsed.kind === "index") {
    const chosen = choosePlatform(parsed.index, options.platform ?? defaultPlatform(), ref.canonical);
    const inner = await client.manifest(chosen.digest);
    parsed = parseManifest(inner.bytes, inner.contentType, ref.canonical);
    if (parsed.kind !== "manifest") throw new ImageContentError(`${ref.canonical}: nested image index is not supported`);
  }
  const manifest: ImageManifest = parsed.manifest;
  const configBytes = await client.blobBytes(manifest.config.digest, 4 * 1024 * 1024);
  const config = ImageConfigSchema.parse(JSON.parse(new TextDecoder().decode(configBytes)));
  const total = manifest.layers.reduce((n, l) => n + (l.size ?? 0), 0);
  if (total > limits.maxImageBytes) throw new LimitExceededError("maxImageBytes", `${ref.canonical}: image is ${total} bytes, above the ${limits.maxImageBytes}-byte limit (maxImageBytes)`);
  const layers: LayerRef[] = manifest.layers.map((l) => {
    if (!isTarLayer(l.mediaType)) throw new ImageContentError(`${ref.canonical}: unsupported layer media type ${l.mediaType}`);
    return { digest: l.digest, mediaType: l.mediaType, size: l.size, open: () => client.blobStream(l.digest) };
  });
  return { type: "image", name: ref.canonical, digest: top.digest, config, layers };
}
