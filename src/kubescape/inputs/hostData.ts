import type { KubeConfig } from "../../common/kube.ts";
import { type Logger, silentLogger } from "../../common/log.ts";
import { HOST_DATA_API_VERSION, HOST_ENDPOINT_KINDS, HOST_ENDPOINT_SCHEMAS, type HostDataEnvelope, type HostEndpoint } from "../../common/wire/hostData.ts";
import type { K8sObject } from "../types.ts";

export const HOST_SCANNER_PORT = 7888;
/** The chart labels app.kubernetes.io/name; kubescape's own DaemonSet used name= / app=. */
const LABEL_SELECTORS = ["app.kubernetes.io/name=host-scanner", "name=host-scanner", "app=host-scanner"];
const TEXT_ENDPOINTS = new Set<HostEndpoint>(["osrelease", "kernelversion"]);
const MAX_BODY_BYTES = 8 * 1024 * 1024;

/** One host-scanner to ask: the node it describes and how to reach it. */
export interface HostScannerTarget {
  nodeName: string;
  /** Direct base URL (tests, or a scanner reachable without the apiserver). */
  baseUrl?: string;
  /** Apiserver pod-proxy base path, e.g. /api/v1/namespaces/kubescape/pods/host-scanner-x:7888/proxy/ */
  proxyPath?: string;
}

export interface CollectHostDataOptions {
  /** Skip pod discovery and ask these scanners directly. */
  targets?: HostScannerTarget[];
  logger?: Logger;
  timeoutMs?: number;
}

/** The apiserver path that proxies to a pod's port: `pods/<pod>:<port>/proxy/`. */
export function podProxyPath(namespace: string, podName: string, port = HOST_SCANNER_PORT): string {
  return `/api/v1/namespaces/${encodeURIComponent(namespace)}/pods/${encodeURIComponent(podName)}:${port}/proxy/`;
}

interface PodLike {
  metadata?: { name?: string; namespace?: string };
  spec?: { nodeName?: string; containers?: Array<{ ports?: Array<{ name?: string; containerPort?: number }> }> };
  status?: { phase?: string };
}

/** The container port named `scanner` (the DaemonSet names it so), else 7888. */
function scannerPort(pod: PodLike): number {
  for (const c of pod.spec?.containers ?? []) for (const p of c.ports ?? []) if (p.name === "scanner" && p.containerPort) return p.containerPort;
  return HOST_SCANNER_PORT;
}

/** Pure: running host-scanner pods (deduplicated by name) → targets, one per node. */
export function targetsFromPods(pods: readonly PodLike[], namespace: string): HostScannerTarget[] {
  const byNode = new Map<string, HostScannerTarget>();
  for (const pod of pods) {
    const name = pod.metadata?.name;
    const nodeName = pod.spec?.nodeName;
    if (!name || !nodeName || pod.status?.phase !== "Running" || byNode.has(nodeName)) continue;
    byNode.set(nodeName, { nodeName, proxyPath: podProxyPath(pod.metadata?.namespace ?? namespace, name, scannerPort(pod)) });
  }
  return [...byNode.values()].sort((a, b) => a.nodeName.localeCompare(b.nodeName));
}

async function findHostScannerPods(kc: KubeConfig, namespace: string): Promise<PodLike[]> {
  const pods: PodLike[] = [];
  for (const selector of LABEL_SELECTORS) {
    const res = await kc.fetch(`/api/v1/namespaces/${encodeURIComponent(namespace)}/pods?labelSelector=${encodeURIComponent(selector)}`);
    if (!res.ok) throw new Error(`listing host-scanner pods (${selector}) answered ${res.status}`);
    pods.push(...(((await res.json()) as { items?: PodLike[] }).items ?? []));
  }
  return pods;
}

/** Pure: a host-scanner answer for one endpoint → envelope, or an error naming what is wrong. */
export function toEnvelope(endpoint: HostEndpoint, nodeName: string, body: string): HostDataEnvelope | Error {
  let value: unknown = body;
  if (!TEXT_ENDPOINTS.has(endpoint)) {
    try {
      value = JSON.parse(body);
    } catch {
      return new Error(`${endpoint}: not JSON`);
    }
  }
  const parsed = HOST_ENDPOINT_SCHEMAS[endpoint].safeParse(value);
  if (!parsed.success) return new Error(`${endpoint}: ${parsed.error.issues[0]?.path.join(".")} ${parsed.error.issues[0]?.message}`);
  return { apiVersion: HOST_DATA_API_VERSION, kind: HOST_ENDPOINT_KINDS[endpoint], metadata: { name: nodeName }, data: parsed.data };
}

async function collectFromTarget(kc: KubeConfig | undefined, target: HostScannerTarget, logger: Logger, timeoutMs: number): Promise<HostDataEnvelope[]> {
  const endpoints = Object.keys(HOST_ENDPOINT_KINDS) as HostEndpoint[];
  const results = await Promise.all(
    endpoints.map(async (endpoint) => {
      try {
        const signal = AbortSignal.timeout(timeoutMs);
        let res: Response;
        if (target.baseUrl) res = await fetch(new URL(endpoint, target.baseUrl.replace(/\/?$/, "/")), { signal });
        else if (target.proxyPath && kc) res = await kc.fetch(`${target.proxyPath}${endpoint}`, { signal });
        else throw new Error("target has neither baseUrl nor proxyPath");
        // 404: the scanner has nothing for this node (e.g. control plane on a worker).
        if (res.status === 404) return undefined;
        if (!res.ok) throw new Error(`answered ${res.status}`);
        const body = await res.text();
        if (body.length > MAX_BODY_BYTES) throw new Error(`answer larger than ${MAX_BODY_BYTES} bytes`);
        const envelope = toEnvelope(endpoint, target.nodeName, body);
        if (envelope instanceof Error) throw envelope;
        return envelope;
      } catch (err) {
        logger.warn({ node: target.nodeName, endpoint, err: (err as Error).message }, "host data not collected");
        return undefined;
      }
    }),
  );
  return results.filter((e): e is HostDataEnvelope => e !== undefined);
}

/**
 * Host data for the posture scan: finds the host-scanner pods in `namespace` (by label), asks each through
 * the apiserver pod proxy for every endpoint, and wraps the answers as kubescape does. A node or
 * endpoint that fails is logged and left out; the scan goes on with what there is.
 */
export async function collectHostData(kc: KubeConfig | undefined, namespace: string, options: CollectHostDataOptions = {}): Promise<K8sObject[]> {
  const logger = options.logger ?? silentLogger;
  let targets = options.targets;
  if (!targets) {
    if (!kc) throw new Error("collectHostData needs a KubeConfig or explicit targets");
    targets = targetsFromPods(await findHostScannerPods(kc, namespace), namespace);
  }
  logger.info({ nodes: targets.length }, "collecting host data");
  const out: K8sObject[] = [];
  if (kc) {
    const version = await apiServerVersionInfo(kc, logger);
    if (version) out.push(version);
  }
  // Four nodes at a time: bounded load on the apiserver proxy.
  for (let i = 0; i < targets.length; i += 4) {
    const batch = await Promise.all(targets.slice(i, i + 4).map((t) => collectFromTarget(kc, t, logger, options.timeoutMs ?? 15_000)));
    out.push(...(batch.flat() as unknown as K8sObject[]));
  }
  return out;
}

/** The API server version as kubescape's `apiserverinfo.kubescape.cloud` object (C-0089 reads it). */
async function apiServerVersionInfo(kc: KubeConfig, logger: Logger): Promise<K8sObject | undefined> {
  try {
    const res = await kc.fetch("/version", { signal: AbortSignal.timeout(10_000) });
    if (!res.ok) throw new Error(`answered ${res.status}`);
    const data = (await res.json()) as Record<string, unknown>;
    return { apiVersion: "apiserverinfo.kubescape.cloud/v1beta0", kind: "APIServerInfo", metadata: { name: "version" }, data } as K8sObject;
  } catch (err) {
    logger.warn({ err: (err as Error).message }, "API server version not collected");
    return undefined;
  }
}
