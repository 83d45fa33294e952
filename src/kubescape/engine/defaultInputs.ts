import type { ControlInputs } from "../types.ts";

/**
 * Kubescape's configurable control inputs ("controls-inputs", the `postureControlInputs` of
 * regolibrary's default-config-inputs.json). Every value is a list of strings, as kubescape
 * passes them to the rules. Controls read them with `inputList(inputs, "key")`.
 *
 * Keys (what each one drives):
 * - imageRepositoryAllowList: registries/repositories images may come from (empty: any).
 * - untrustedRegistries: registries that must not be used.
 * - publicRegistries: public registries that must not be used.
 * - trustedCosignPublicKeys: cosign keys accepted for image signatures.
 * - insecureCapabilities: Linux capabilities a container must not add.
 * - sensitiveKeyNames: env/ConfigMap key name fragments that suggest a secret (case-insensitive).
 * - sensitiveKeyNamesAllowed: key names exempt from sensitiveKeyNames.
 * - sensitiveValues: regexes of values that look like secrets.
 * - sensitiveValuesAllowed: values exempt from sensitiveValues.
 * - sensitiveInterfaces: workload names of dashboards/management UIs that must not be exposed.
 * - servicesNames: Service names of such UIs.
 * - wlKnownNames: well-known system workload names (e.g. for CoreDNS/kube-proxy checks).
 * - recommendedLabels / k8sRecommendedLabels: labels a workload should carry (at least one).
 * - cpu_request_min/max, cpu_limit_min/max, memory_request_min/max, memory_limit_min/max:
 *   resource bounds (empty max: no upper bound; "0" min: any set value).
 * - max_critical_vulnerabilities / max_high_vulnerabilities: image-scan thresholds.
 * - listOfDangerousArtifacts: files (shells) that should not be in images.
 * - hardenedSandboxRuntimeClasses: RuntimeClass names counted as sandboxed runtimes.
 */
export const DEFAULT_CONTROL_INPUTS = {
  imageRepositoryAllowList: [],
  untrustedRegistries: [],
  publicRegistries: [],
  trustedCosignPublicKeys: [],
  insecureCapabilities: [
    "SETPCAP", "NET_ADMIN", "NET_RAW", "SYS_MODULE", "SYS_RAWIO", "SYS_PTRACE", "SYS_ADMIN",
    "SYS_BOOT", "MAC_OVERRIDE", "MAC_ADMIN", "PERFMON", "ALL", "BPF",
  ],
  sensitiveKeyNames: [
    "aws_secret_access_key", "azure_batchai_storage_key", "azure_batch_key", "secret", "key", "password", "pwd", "token", "jwt", "bearer", "credential",
  ],
  sensitiveKeyNamesAllowed: [],
  sensitiveValues: ["BEGIN \\w+ PRIVATE KEY", "PRIVATE KEY", "eyJhbGciO", "JWT", "Bearer", "_key_", "_secret_"],
  sensitiveValuesAllowed: [],
  sensitiveInterfaces: [
    "nifi", "argo-server", "weave-scope-app", "kubeflow", "kubernetes-dashboard", "jenkins", "prometheus-deployment",
    // AI serving and notebook UIs (added upstream in 2025-2026)
    "ollama", "vllm", "kserve", "triton-inference-server", "ray-dashboard", "ray-head", "mlflow", "jupyterhub", "seldon", "bentoml",
  ],
  servicesNames: [
    "nifi-service", "argo-server", "minio", "postgres", "workflow-controller-metrics", "weave-scope-app", "kubernetes-dashboard",
  ],
  wlKnownNames: [
    "coredns", "kube-proxy", "event-exporter-gke", "kube-dns", "17-default-backend", "metrics-server", "ca-audit",
    "ca-dashboard-aggregator", "ca-notification-server", "ca-ocimage", "ca-oracle", "ca-posture", "ca-rbac",
    "ca-vuln-scan", "ca-webhook", "ca-websocket", "clair-clair",
  ],
  recommendedLabels: ["app", "tier", "phase", "version", "owner", "env"],
  k8sRecommendedLabels: [
    "app.kubernetes.io/name", "app.kubernetes.io/instance", "app.kubernetes.io/version", "app.kubernetes.io/component",
    "app.kubernetes.io/part-of", "app.kubernetes.io/managed-by", "app.kubernetes.io/created-by",
  ],
  cpu_request_min: ["0"],
  cpu_request_max: [],
  cpu_limit_min: ["0"],
  cpu_limit_max: [],
  memory_request_min: ["0"],
  memory_request_max: [],
  memory_limit_min: ["0"],
  memory_limit_max: [],
  max_critical_vulnerabilities: ["5"],
  max_high_vulnerabilities: ["10"],
  listOfDangerousArtifacts: [
    "bin/bash", "sbin/sh", "bin/ksh", "bin/tcsh", "bin/zsh", "usr/bin/scsh", "bin/csh", "bin/busybox", "usr/bin/busybox",
  ],
  hardenedSandboxRuntimeClasses: ["gvisor"],
} as const satisfies Record<string, readonly string[]>;

/** The key names controls may read. */
export type ControlInputKey = keyof typeof DEFAULT_CONTROL_INPUTS;
export const CONTROL_INPUT_KEYS = Object.keys(DEFAULT_CONTROL_INPUTS) as ControlInputKey[];

/** The value of one input; falls back to the default when the scan's inputs lack the key. */
export function inputList(inputs: ControlInputs, key: ControlInputKey): readonly string[] {
  return inputs[key] ?? DEFAULT_CONTROL_INPUTS[key];
}

/**
 * Merges user-supplied inputs (a controls-inputs file: either the bare map or the full
 * `{settings:{postureControlInputs:{...}}}` document) over the defaults. Non-list values are
 * turned into one-element lists; unknown keys are kept (custom controls may read them).
 */
export function mergeControlInputs(user: unknown): ControlInputs {
  const out: Record<string, readonly string[]> = { ...DEFAULT_CONTROL_INPUTS };
  const doc = user as { settings?: { postureControlInputs?: unknown } } | null;
  const map = (doc && typeof doc === "object" && doc.settings?.postureControlInputs) || user;
  if (!map || typeof map !== "object") return out;
  for (const [k, v] of Object.entries(map as Record<string, unknown>)) {
    if (Array.isArray(v)) out[k] = v.map((x) => String(x));
    else if (v !== null && v !== undefined) out[k] = [String(v)];
  }
  return out;
}
