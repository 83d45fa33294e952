/**
 * An in-process OCI distribution endpoint for unit tests (the integration suites use Debian's
 * real docker-registry). Serves manifests and blobs from memory, optionally behind Basic auth or
 * the bearer-token flow with its own /token realm.
 */
import { sha256 } from "./tarWriter.ts";

export interface MiniImage {
  repository: string;
  tag: string;
  layers: Uint8Array[];
  layerMediaType?: string;
  /** Wrap the manifest in an index with these platforms (the first is this image). */
  platforms?: Array<{ os: string; architecture: string }>;
}

export interface MiniRegistry {
  url: string;
  host: string;
  requests: string[];
  manifestDigest(repository: string, tag: string): string;
  stop(): void;
}

export function startMiniRegistry(images: MiniImage[], auth?: { mode: "basic" | "bearer"; username: string; password: string }, redirectBlobs = false): MiniRegistry {
  const blobs = new Map<string, Uint8Array>();
  const manifests = new Map<string, { bytes: Uint8Array; mediaType: string }>();
  const enc = new TextEncoder();
  const put = (bytes: Uint8Array) => {
    const d = sha256(bytes);
    blobs.set(d, bytes);
    return d;
  };
  for (const img of images) {
    const config = enc.encode(JSON.stringify({ architecture: "amd64", os: "linux", rootfs: { type: "layers", diff_ids: [] } }));
    const manifest = enc.encode(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: "application/vnd.oci.image.manifest.v1+json",
        config: { mediaType: "application/vnd.oci.image.config.v1+json", digest: put(config), size: config.length },
        layers: img.layers.map((l) => ({ mediaType: img.layerMediaType ?? "application/vnd.oci.image.layer.v1.tar+gzip", digest: put(l), size: l.length })),
      }),
    );
    const md = sha256(manifest);
    manifests.set(`${img.repository}@${md}`, { bytes: manifest, mediaType: "application/vnd.oci.image.manifest.v1+json" });
    if (img.platforms) {
      const other = enc.encode(JSON.stringify({ schemaVersion: 2, mediaType: "application/vnd.oci.image.manifest.v1+json", config: { digest: `sha256:${"0".repeat(64)}`, size: 1 }, layers: [] }));
      const od = sha256(other);
      manifests.set(`${img.repository}@${od}`, { bytes: other, mediaType: "application/vnd.oci.image.manifest.v1+json" });
      const index = enc.encode(
        JSON.stringify({
          schemaVersion: 2,
          mediaType: "application/vnd.oci.image.index.v1+json",
          manifests: img.platforms.map((p, i) => ({ mediaType: "application/vnd.oci.image.manifest.v1+json", digest: i === 0 ? md : od, size: 1, platform: p })),
        }),
      );
      const entry = { bytes: index, mediaType: "application/vnd.oci.image.index.v1+json" };
      manifests.set(`${img.repository}@${sha256(index)}`, entry);
      manifests.set(`${img.repository}:${img.tag}`, entry);
    } else manifests.set(`${img.repository}:${img.tag}`, { bytes: manifest, mediaType: "application/vnd.oci.image.manifest.v1+json" });
  }
  const requests: string[] = [];
  const token = `tok-${crypto.randomUUID()}`;
  const basic = auth ? `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString("base64")}` : "";
  const server = Bun.serve({
    port: 0,
    hostname: "127.0.0.1",
    fetch(req) {
      const url = new URL(req.url);
      requests.push(`${req.method} ${url.pathname}`);
      const authz = req.headers.get("authorization") ?? "";
      if (url.pathname.startsWith("/storage/")) {
        // like S3 with a pre-signed URL: a second credential is an error
        if (req.headers.get("authorization")) return new Response("only one auth mechanism allowed", { status: 400 });
        const blob = blobs.get(url.pathname.slice("/storage/".length));
        return blob ? new Response(blob as Uint8Array<ArrayBuffer>) : new Response("not found", { status: 404 });
      }
      if (url.pathname === "/token") {
        if (authz !== basic) return new Response("denied", { status: 401 });
        return Response.json({ token, scope: url.searchParams.get("scope") });
      }
      if (auth?.mode === "basic" && authz !== basic) return new Response("", { status: 401, headers: { "www-authenticate": 'Basic realm="mini"' } });
      if (auth?.mode === "bearer" && authz !== `Bearer ${token}`) {
        return new Response("", { status: 401, headers: { "www-authenticate": `Bearer realm="http://${url.host}/token",service="mini",scope="repository:x:pull"` } });
      }
      const m = /^\/v2\/(.+)\/(manifests|blobs)\/(.+)$/.exec(url.pathname);
      if (!m) return new Response("{}", { status: url.pathname === "/v2/" ? 200 : 404 });
      const [, repo, kind, ref] = m;
      if (kind === "blobs") {
        if (redirectBlobs) return new Response(null, { status: 307, headers: { location: `/storage/${ref}` } });
        const blob = blobs.get(ref!);
        return blob ? new Response(blob as Uint8Array<ArrayBuffer>) : new Response("not found", { status: 404 });
      }
      const entry = manifests.get(ref!.includes(":") ? `${repo}@${ref}` : `${repo}:${ref}`);
      return entry ? new Response(entry.bytes as Uint8Array<ArrayBuffer>, { headers: { "content-type": entry.mediaType } }) : new Response('{"errors":[{"code":"MANIFEST_UNKNOWN"}]}', { status: 404 });
    },
  });
  const host = `127.0.0.1:${server.port}`;
  return {
    url: `http://${host}`,
    host,
    requests,
    manifestDigest: (repository, tag) => sha256(manifests.get(`${repository}:${tag}`)!.bytes),
    stop: () => server.stop(true),
  };
}
