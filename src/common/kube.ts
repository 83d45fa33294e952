import { existsSync, readFileSync } from "node:fs";
import * as k8s from "@kubernetes/client-node";

export { k8s };

const SA_DIR = "/var/run/secrets/kubernetes.io/serviceaccount";

interface TlsOptions {
  ca?: string;
  cert?: string;
  key?: string;
  rejectUnauthorized?: boolean;
}

/**
 * A KubeConfig whose API clients send requests with Bun's own fetch. The stock client hands TLS
 * settings to an undici dispatcher that Bun's fetch ignores, so a cluster CA (every real
 * cluster's, and the test apiserver's) would be refused. Here the CA, client certificate and
 * auth headers from the kubeconfig go straight into fetch's `tls` options.
 */
export class KubeConfig extends k8s.KubeConfig {
  /** TLS options for Bun's fetch from the current cluster and user. */
  tlsOptions(): TlsOptions {
    const opts: { ca?: Buffer | string; cert?: Buffer | string; key?: Buffer | string; rejectUnauthorized?: boolean } = {};
    (this as unknown as { applyHTTPSOptions(o: object): void }).applyHTTPSOptions(opts);
    const tls: TlsOptions = {};
    if (opts.ca) tls.ca = opts.ca.toString();
    if (opts.cert) tls.cert = opts.cert.toString();
    if (opts.key) tls.key = opts.key.toString();
    if (opts.rejectUnauthorized !== undefined) tls.rejectUnauthorized = opts.rejectUnauthorized;
    return tls;
  }

  /** Auth headers (bearer token, exec plugin, basic) for a raw request. */
  async authHeaders(): Promise<Record<string, string>> {
    const opts: { headers?: Record<string, string | string[] | number> } = {};
    await this.applyToHTTPSOptions(opts);
    const plain: Record<string, string> = {};
    for (const [k, v] of Object.entries(opts.headers ?? {})) plain[k] = String(v);
    return plain;
  }

  override makeApiClient<T extends k8s.ApiType>(apiClientType: k8s.ApiConstructor<T>): T {
    const cluster = this.getCurrentCluster();
    if (!cluster) throw new Error("No active cluster!");
    const tls = this.tlsOptions();
    const httpApi = k8s.wrapHttpLibrary({
      async send(request) {
        const res = await fetch(request.getUrl(), {
          method: request.getHttpMethod().toString(),
          body: request.getBody() as BodyInit | undefined,
          headers: request.getHeaders(),
          signal: request.getSignal(),
          tls,
        } as RequestInit);
        const headers: Record<string, string> = {};
        res.headers.forEach((value, name) => (headers[name] = value));
        const data = Buffer.from(await res.arrayBuffer());
        return new k8s.ResponseContext(res.status, headers, {
          text: async () => data.toString("utf8"),
          binary: async () => data,
          stream: () => new Blob([data]).stream(),
        });
      },
    });
    const config = k8s.createConfiguration({
      baseServer: new k8s.ServerConfiguration(cluster.server, {}),
      authMethods: { default: this },
      httpApi,
    });
    return new apiClientType(config);
  }

  /** A raw request to the API server (watches, pod proxy), with the kubeconfig's TLS and auth. */
  async fetch(path: string, init: RequestInit = {}): Promise<Response> {
    const cluster = this.getCurrentCluster();
    if (!cluster) throw new Error("No active cluster!");
    const headers = new Headers(init.headers);
    for (const [k, v] of Object.entries(await this.authHeaders())) if (!headers.has(k)) headers.set(k, v);
    return fetch(new URL(path, cluster.server), { ...init, headers, tls: this.tlsOptions() } as RequestInit);
  }
}

/**
 * A KubeConfig from `KUBECONFIG` when set, else the pod's service-account credentials when
 * running in a cluster, else the user's default (~/.kube/config).
 */
export function loadKubeConfig(env: Record<string, string | undefined> = process.env): KubeConfig {
  const kc = new KubeConfig();
  if (env.KUBECONFIG) kc.loadFromFile(env.KUBECONFIG);
  else if (env.KUBERNETES_SERVICE_HOST && existsSync(`${SA_DIR}/token`)) kc.loadFromCluster();
  else kc.loadFromDefault();
  return kc;
}

/** The namespace this component runs in: NAMESPACE env, the pod's namespace file, or `kubescape`. */
export function currentNamespace(env: Record<string, string | undefined> = process.env): string {
  if (env.NAMESPACE) return env.NAMESPACE;
  const file = `${SA_DIR}/namespace`;
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  return "kubescape";
}

/** True when the API server answered with this HTTP status (client-node throws ApiException). */
export function isApiStatus(err: unknown, status: number): boolean {
  return typeof err === "object" && err !== null && "code" in err && (err as { code: unknown }).code === status;
}
