/**
 * Debian's real docker-registry on 127.0.0.1 with a temp config and storage: anonymous, htpasswd
 * (Basic) or token auth. For token auth the registry verifies real RS256 JWTs signed by a small
 * token issuer run here (no token service is packaged for Debian; its certificate comes from
 * openssl), so the bearer flow is exercised end to end.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort, waitFor } from "../../support/ports.ts";
import { type Started, startProcess } from "../../support/processes.ts";

export interface RunningRegistry {
  host: string;
  storage: string;
  dir: string;
  username?: string;
  password?: string;
  stop(): Promise<void>;
}

async function sh(cmd: string[]): Promise<string> {
  const p = Bun.spawn(cmd, { stdout: "pipe", stderr: "pipe" });
  const [out, err, code] = await Promise.all([new Response(p.stdout).text(), new Response(p.stderr).text(), p.exited]);
  if (code !== 0) throw new Error(`${cmd.join(" ")} failed: ${err}`);
  return out;
}

const b64url = (bytes: Uint8Array | string) => Buffer.from(bytes).toString("base64url");

async function startTokenIssuer(dir: string, username: string, password: string) {
  await sh(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", join(dir, "key.pem"), "-out", join(dir, "cert.pem"), "-days", "2", "-subj", "/CN=ks-test-token-issuer"]);
  const keyPem = await Bun.file(join(dir, "key.pem")).text();
  const certPem = await Bun.file(join(dir, "cert.pem")).text();
  const der = Buffer.from(keyPem.replace(/-----[^-]+-----/g, "").replace(/\s+/g, ""), "base64");
  const key = await crypto.subtle.importKey("pkcs8", der, { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" }, false, ["sign"]);
  const x5c = certPem.replace(/-----[^-]+-----/g, "").replace(/\s+/g, "");
  const expected = `Basic ${Buffer.from(`${username}:${password}`).toString("base64")}`;
  const server = Bun.serve({
    port: 0,
    hostname: "127.0.0.1",
    async fetch(req) {
      const url = new URL(req.url);
      if (req.headers.get("authorization") !== expected) return new Response('{"details":"bad credentials"}', { status: 401 });
      const access = url.searchParams.getAll("scope").map((s) => {
        const [type, name, actions] = s.split(":");
        return { type, name, actions: (actions ?? "").split(",") };
      });
      const now = Math.floor(Date.now() / 1000);
      const header = b64url(JSON.stringify({ typ: "JWT", alg: "RS256", x5c: [x5c] }));
      const claims = b64url(JSON.stringify({ iss: "ks-test-issuer", sub: username, aud: url.searchParams.get("service"), exp: now + 600, nbf: now - 10, iat: now, jti: crypto.randomUUID(), access }));
      const signature = new Uint8Array(await crypto.subtle.sign("RSASSA-PKCS1-v1_5", key, new TextEncoder().encode(`${header}.${claims}`)));
      const token = `${header}.${claims}.${b64url(signature)}`;
      return Response.json({ token, access_token: token, expires_in: 600 });
    },
  });
  return { url: `http://127.0.0.1:${server.port}/token`, certFile: join(dir, "cert.pem"), stop: () => server.stop(true) };
}

export async function startDockerRegistry(auth: "none" | "htpasswd" | "token" = "none", options: { tls?: boolean } = {}): Promise<RunningRegistry> {
  const dir = mkdtempSync(join(tmpdir(), `ks-registry-${auth}-`));
  let tlsYaml = "";
  if (options.tls) {
    // a self-signed serving certificate: clients must skip verification (skipTLSVerify)
    await sh(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", join(dir, "tls.key"), "-out", join(dir, "tls.crt"), "-days", "2", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"]);
    tlsYaml = `  tls:\n    certificate: ${join(dir, "tls.crt")}\n    key: ${join(dir, "tls.key")}\n`;
  }
  const port = await freePort();
  const username = "ks-user";
  const password = `pw-${crypto.randomUUID().slice(0, 8)}`;
  let authYaml = "";
  let issuer: Awaited<ReturnType<typeof startTokenIssuer>> | undefined;
  if (auth === "htpasswd") {
    writeFileSync(join(dir, "htpasswd"), await sh(["htpasswd", "-Bbn", username, password]));
    authYaml = `auth:\n  htpasswd:\n    realm: ks-test\n    path: ${join(dir, "htpasswd")}\n`;
  } else if (auth === "token") {
    issuer = await startTokenIssuer(dir, username, password);
    authYaml = `auth:\n  token:\n    realm: ${issuer.url}\n    service: ks-test-registry\n    issuer: ks-test-issuer\n    rootcertbundle: ${issuer.certFile}\n`;
  }
  const config = join(dir, "config.yml");
  writeFileSync(
    config,
    `version: 0.1\nlog:\n  level: warn\nstorage:\n  filesystem:\n    rootdirectory: ${join(dir, "storage")}\n  delete:\n    enabled: true\nhttp:\n  addr: 127.0.0.1:${port}\n  secret: ${crypto.randomUUID()}\n${tlsYaml}${authYaml}`,
  );
  const proc: Started = startProcess("docker-registry", ["serve", config], join(dir, "registry.log"));
  const host = `127.0.0.1:${port}`;
  await waitFor(`docker-registry on ${host}`, async () => {
    const res = await fetch(`${options.tls ? "https" : "http"}://${host}/v2/`, { tls: { rejectUnauthorized: false } } as RequestInit).catch(() => undefined);
    return res !== undefined && (res.status === 200 || res.status === 401);
  });
  return {
    host,
    dir,
    storage: join(dir, "storage"),
    ...(auth === "none" ? {} : { username, password }),
    stop: async () => {
      await proc.stop();
      issuer?.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** skopeo copy of an OCI layout tag into the registry (plain HTTP), optionally recompressed. */
export async function pushOci(layout: string, tag: string, registry: RunningRegistry, target: string, extra: string[] = []): Promise<void> {
  const creds = registry.username ? ["--dest-creds", `${registry.username}:${registry.password}`] : [];
  await sh(["skopeo", "copy", "--quiet", "--dest-tls-verify=false", ...creds, ...extra, `oci:${layout}:${tag}`, `docker://${registry.host}/${target}`]);
}

/** A hand-made OCI layout with the given (already compressed or plain) layers. */
export async function writeOciLayout(dir: string, tag: string, layers: Array<{ bytes: Uint8Array; mediaType: string }>): Promise<void> {
  const { mkdirSync } = await import("node:fs");
  mkdirSync(join(dir, "blobs", "sha256"), { recursive: true });
  const put = async (bytes: Uint8Array) => {
    const hex = new Bun.CryptoHasher("sha256").update(bytes).digest("hex");
    await Bun.write(join(dir, "blobs", "sha256", hex), bytes);
    return { digest: `sha256:${hex}`, size: bytes.length };
  };
  const enc = new TextEncoder();
  const config = await put(enc.encode(JSON.stringify({ architecture: "amd64", os: "linux", rootfs: { type: "layers", diff_ids: [] }, config: {} })));
  const layerDescs = [];
  for (const l of layers) layerDescs.push({ mediaType: l.mediaType, ...(await put(l.bytes)) });
  const manifest = await put(enc.encode(JSON.stringify({ schemaVersion: 2, mediaType: "application/vnd.oci.image.manifest.v1+json", config: { mediaType: "application/vnd.oci.image.config.v1+json", ...config }, layers: layerDescs })));
  writeFileSync(join(dir, "oci-layout"), '{"imageLayoutVersion":"1.0.0"}');
  writeFileSync(join(dir, "index.json"), JSON.stringify({ schemaVersion: 2, manifests: [{ mediaType: "application/vnd.oci.image.manifest.v1+json", ...manifest, annotations: { "org.opencontainers.image.ref.name": tag } }] }));
}
