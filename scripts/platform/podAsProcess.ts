/**
 * Runs a component "as its pod would", as a local process of the compiled binary: the container
 * args and env of the workload the chart installed, its ConfigMap/Secret volumes read back from
 * the cluster and written to a local folder, and a token of its own ServiceAccount (so the
 * component works with exactly the RBAC the chart grants). What cannot be the same here is
 * rewritten and said so: mount paths become local folders, ports become free local ports, and
 * in-cluster service names (no cluster DNS here) become 127.0.0.1 addresses through the
 * clusterData env overrides.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { type KubeConfig, k8s } from "../../src/common/kube.ts";
import { type Started, startProcess } from "../../tests/support/processes.ts";

export interface PodProcessSpec {
  component: string;
  args: string[];
  env: Record<string, string>;
  /** Local folder per mount path. */
  mounts: Record<string, string>;
  serviceAccount?: string;
}

export interface WorkloadRef {
  kind: "Deployment" | "StatefulSet" | "DaemonSet";
  name: string;
}

function decode(data: Record<string, string> | undefined, binary = false): Record<string, Buffer> {
  const out: Record<string, Buffer> = {};
  for (const [k, v] of Object.entries(data ?? {})) out[k] = binary ? Buffer.from(v, "base64") : Buffer.from(v);
  return out;
}

async function podTemplate(kc: KubeConfig, namespace: string, ref: WorkloadRef): Promise<k8s.V1PodTemplateSpec> {
  const apps = kc.makeApiClient(k8s.AppsV1Api);
  if (ref.kind === "Deployment") return (await apps.readNamespacedDeployment({ name: ref.name, namespace })).spec!.template;
  if (ref.kind === "StatefulSet") return (await apps.readNamespacedStatefulSet({ name: ref.name, namespace })).spec!.template;
  return (await apps.readNamespacedDaemonSet({ name: ref.name, namespace })).spec!.template;
}

/** Reads the workload back from the cluster and materialises its config volumes under `root`. */
export async function podProcessSpec(kc: KubeConfig, namespace: string, ref: WorkloadRef, root: string): Promise<PodProcessSpec> {
  const core = kc.makeApiClient(k8s.CoreV1Api);
  const template = await podTemplate(kc, namespace, ref);
  const pod = template.spec!;
  const container = pod.containers[0]!;
  const dir = join(root, ref.name);
  const mounts: Record<string, string> = {};
  for (const mount of container.volumeMounts ?? []) {
    const volume = pod.volumes?.find((v) => v.name === mount.name);
    const local = join(dir, "mounts", mount.mountPath.replace(/^\//, "").replaceAll("/", "_"));
    let files: Record<string, Buffer> = {};
    let items: Array<{ key: string; path: string }> | undefined;
    if (volume?.configMap) {
      const cm = await core.readNamespacedConfigMap({ name: volume.configMap.name!, namespace });
      files = decode(cm.data);
      items = volume.configMap.items;
    } else if (volume?.secret) {
      const secret = await core.readNamespacedSecret({ name: volume.secret.secretName!, namespace });
      files = decode(secret.data, true);
      items = volume.secret.items;
    } else if (volume?.emptyDir) {
      mkdirSync(local, { recursive: true });
      mounts[mount.mountPath] = local;
      continue;
    } else if (volume?.projected) {
      // The projected service-account token is replaced by the component's own kubeconfig below.
      continue;
    }
    if (mount.subPath) {
      const content = files[mount.subPath];
      const file = local;
      mkdirSync(dirname(file), { recursive: true });
      if (content) writeFileSync(file, content);
      mounts[mount.mountPath] = file;
      continue;
    }
    mkdirSync(local, { recursive: true });
    const wanted = items ?? Object.keys(files).map((key) => ({ key, path: key }));
    for (const item of wanted) if (files[item.key]) writeFileSync(join(local, item.path), files[item.key]!);
    mounts[mount.mountPath] = local;
  }
  const env: Record<string, string> = {};
  for (const e of container.env ?? []) {
    if (e.value !== undefined) env[e.name] = e.value;
    else if (e.valueFrom?.fieldRef?.fieldPath === "metadata.namespace") env[e.name] = namespace;
    else if (e.valueFrom?.fieldRef?.fieldPath === "metadata.name") env[e.name] = `${ref.name}-local-0`;
    else if (e.valueFrom?.fieldRef?.fieldPath === "spec.nodeName") env[e.name] = "local-node";
    else if (e.valueFrom?.secretKeyRef) {
      const s = await core.readNamespacedSecret({ name: e.valueFrom.secretKeyRef.name!, namespace });
      const v = s.data?.[e.valueFrom.secretKeyRef.key];
      if (v !== undefined) env[e.name] = Buffer.from(v, "base64").toString();
    } else if (e.valueFrom?.configMapKeyRef) {
      const c = await core.readNamespacedConfigMap({ name: e.valueFrom.configMapKeyRef.name!, namespace });
      const v = c.data?.[e.valueFrom.configMapKeyRef.key];
      if (v !== undefined) env[e.name] = v;
    }
  }
  // Env values that name a mounted path point at the local copy.
  for (const [name, value] of Object.entries(env)) {
    for (const [mountPath, local] of Object.entries(mounts)) {
      if (value === mountPath || value.startsWith(`${mountPath}/`)) env[name] = local + value.slice(mountPath.length);
    }
  }
  if (mounts["/etc/credentials"]) env.CREDENTIALS_DIR = mounts["/etc/credentials"];
  return { component: ref.name, args: container.args ?? [], env, mounts, serviceAccount: pod.serviceAccountName };
}

/** A kubeconfig holding a fresh token of the ServiceAccount (TokenRequest), as the projected volume would. */
export async function serviceAccountKubeconfig(kc: KubeConfig, namespace: string, serviceAccount: string, file: string): Promise<void> {
  const core = kc.makeApiClient(k8s.CoreV1Api);
  const res = await core.createNamespacedServiceAccountToken({ name: serviceAccount, namespace, body: { spec: { expirationSeconds: 3600, audiences: [] } } });
  const cluster = kc.getCurrentCluster()!;
  const caLine = cluster.caFile ? `    certificate-authority: ${cluster.caFile}` : cluster.caData ? `    certificate-authority-data: ${cluster.caData}` : "    insecure-skip-tls-verify: true";
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(
    file,
    [
      "apiVersion: v1",
      "kind: Config",
      "clusters:",
      "- name: c",
      "  cluster:",
      `    server: ${cluster.server}`,
      caLine,
      "users:",
      `- name: ${serviceAccount}`,
      "  user:",
      `    token: ${res.status?.token}`,
      "contexts:",
      `- name: c`,
      `  context: {cluster: c, user: ${serviceAccount}, namespace: ${namespace}}`,
      "current-context: c",
      "",
    ].join("\n"),
  );
}

export interface RunningComponent {
  name: string;
  spec: PodProcessSpec;
  env: Record<string, string>;
  process: Started;
  logFile: string;
  restart(): Promise<void>;
  /** SIGKILL, as an OOM kill or node loss would: no shutdown hooks run. */
  crash(): Promise<void>;
  start(): void;
  stop(): Promise<void>;
}

/** Starts (and can restart) the binary with the pod's args and the local env. */
export function runComponent(binary: string, name: string, spec: PodProcessSpec, env: Record<string, string>, logFile: string): RunningComponent {
  const fullEnv = { PATH: process.env.PATH ?? "/usr/bin:/bin", ...spec.env, ...env };
  const handle: RunningComponent = {
    name,
    spec,
    env: fullEnv,
    logFile,
    process: startProcess(binary, spec.args, logFile, fullEnv),
    async restart() {
      await handle.process.stop();
      handle.process = startProcess(binary, spec.args, logFile, fullEnv);
    },
    async crash() {
      const child = handle.process.child;
      if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((r) => child.once("exit", () => r()));
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        /* already gone */
      }
      await exited;
    },
    start() {
      handle.process = startProcess(binary, spec.args, logFile, fullEnv);
    },
    async stop() {
      await handle.process.stop();
    },
  };
  return handle;
}
