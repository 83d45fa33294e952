/**
 * Generates a realistic cluster snapshot of about `size` objects: namespaces, Deployments,
 * StatefulSets, DaemonSets, Jobs, CronJobs, Pods, Services, ServiceAccounts, ConfigMaps,
 * Roles, ClusterRoles, bindings and NetworkPolicies, with a deterministic mix of hardened and
 * careless specs (privileged, root, host namespaces, missing limits, wildcard RBAC...).
 */
type Obj = Record<string, unknown>;

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export function generateCluster(size: number, seed = 42): Obj[] {
  const rand = rng(seed);
  const out: Obj[] = [];
  const nsCount = Math.max(3, Math.round(size / 100));
  const namespaces = Array.from({ length: nsCount }, (_, i) => `team-${i}`);
  for (const [i, ns] of namespaces.entries()) {
    out.push({ apiVersion: "v1", kind: "Namespace", metadata: { name: ns, labels: i % 2 === 0 ? { "pod-security.kubernetes.io/enforce": "restricted" } : {} } });
  }
  const nodes = Math.max(3, Math.round(size / 500));
  for (let i = 0; i < nodes; i++) out.push({ apiVersion: "v1", kind: "Node", metadata: { name: `node-${i}`, labels: { "kubernetes.io/os": "linux" } }, status: { nodeInfo: { kubeletVersion: "v1.34.2" } } });

  const container = (name: string, bad: boolean) => ({
    name,
    image: bad ? `docker.io/library/${name}:latest` : `registry.example.com/${name}@sha256:${"a".repeat(64)}`,
    ports: [{ containerPort: 8080 }],
    env: bad ? [{ name: "DB_PASSWORD", value: "hunter2" }] : [{ name: "LOG_LEVEL", value: "info" }],
    resources: bad ? {} : { requests: { cpu: "100m", memory: "128Mi" }, limits: { cpu: "500m", memory: "256Mi" } },
    securityContext: bad
      ? { privileged: rand() < 0.5, allowPrivilegeEscalation: true, capabilities: { add: ["NET_ADMIN", "SYS_ADMIN"] } }
      : { runAsNonRoot: true, runAsUser: 10001, allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ["ALL"] }, seccompProfile: { type: "RuntimeDefault" } },
    livenessProbe: bad ? undefined : { httpGet: { path: "/healthz", port: 8080 } },
    readinessProbe: bad ? undefined : { httpGet: { path: "/readyz", port: 8080 } },
  });
  const podSpec = (name: string, bad: boolean) => ({
    serviceAccountName: bad ? "default" : name,
    automountServiceAccountToken: bad ? undefined : false,
    hostPID: bad && rand() < 0.2,
    hostNetwork: bad && rand() < 0.2,
    securityContext: bad ? {} : { runAsNonRoot: true, seccompProfile: { type: "RuntimeDefault" } },
    containers: [container(name, bad)],
    volumes: bad && rand() < 0.3 ? [{ name: "host", hostPath: { path: "/var/run/docker.sock" } }] : [{ name: "tmp", emptyDir: {} }],
  });
  const meta = (name: string, ns: string) => ({ name, namespace: ns, uid: `${ns}-${name}`, labels: { app: name, "app.kubernetes.io/name": name } });

  const kinds: Array<[number, (name: string, ns: string, bad: boolean) => Obj]> = [
    [0.3, (n, ns, bad) => ({ apiVersion: "apps/v1", kind: "Deployment", metadata: meta(n, ns), spec: { replicas: 1 + Math.floor(rand() * 5), selector: { matchLabels: { app: n } }, template: { metadata: { labels: { app: n } }, spec: podSpec(n, bad) } } })],
    [0.05, (n, ns, bad) => ({ apiVersion: "apps/v1", kind: "StatefulSet", metadata: meta(n, ns), spec: { replicas: 3, serviceName: n, selector: { matchLabels: { app: n } }, template: { metadata: { labels: { app: n } }, spec: podSpec(n, bad) } } })],
    [0.02, (n, ns, bad) => ({ apiVersion: "apps/v1", kind: "DaemonSet", metadata: meta(n, ns), spec: { selector: { matchLabels: { app: n } }, template: { metadata: { labels: { app: n } }, spec: podSpec(n, bad) } }, status: { desiredNumberScheduled: nodes } })],
    [0.04, (n, ns, bad) => ({ apiVersion: "batch/v1", kind: "Job", metadata: meta(n, ns), spec: { template: { spec: { ...podSpec(n, bad), restartPolicy: "Never" } } } })],
    [0.02, (n, ns, bad) => ({ apiVersion: "batch/v1", kind: "CronJob", metadata: meta(n, ns), spec: { schedule: "0 * * * *", jobTemplate: { spec: { template: { spec: { ...podSpec(n, bad), restartPolicy: "Never" } } } } } })],
    [0.15, (n, ns, bad) => ({ apiVersion: "v1", kind: "Pod", metadata: meta(n, ns), spec: podSpec(n, bad) })],
    [0.14, (n, ns, bad) => ({ apiVersion: "v1", kind: "Service", metadata: meta(n, ns), spec: { type: bad ? (rand() < 0.5 ? "LoadBalancer" : "NodePort") : "ClusterIP", selector: { app: n }, ports: [{ port: 80, targetPort: 8080 }] } })],
    [0.05, (n, ns, bad) => ({ apiVersion: "v1", kind: "ServiceAccount", metadata: meta(n, ns), automountServiceAccountToken: !bad })],
    [0.05, (n, ns, bad) => ({ apiVersion: "v1", kind: "ConfigMap", metadata: meta(n, ns), data: bad ? { "aws_secret_access_key": "AKIA...", "config.yaml": "a: 1" } : { "config.yaml": "a: 1" } })],
    [0.06, (n, ns, bad) => ({ apiVersion: "rbac.authorization.k8s.io/v1", kind: "Role", metadata: meta(n, ns), rules: bad ? [{ apiGroups: ["*"], resources: ["*"], verbs: ["*"] }] : [{ apiGroups: [""], resources: ["configmaps"], verbs: ["get", "list"] }] })],
    [0.06, (n, ns, bad) => ({ apiVersion: "rbac.authorization.k8s.io/v1", kind: "RoleBinding", metadata: meta(n, ns), roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: bad ? "ClusterRole" : "Role", name: bad ? "cluster-admin" : n }, subjects: [{ kind: bad ? "Group" : "ServiceAccount", name: bad ? "system:authenticated" : n, namespace: ns }] })],
    [0.01, (n, _ns, bad) => ({ apiVersion: "rbac.authorization.k8s.io/v1", kind: "ClusterRole", metadata: { name: n }, rules: bad ? [{ apiGroups: [""], resources: ["secrets", "pods/exec"], verbs: ["*"] }] : [{ apiGroups: [""], resources: ["nodes"], verbs: ["get"] }] })],
    [0.01, (n, ns, bad) => ({ apiVersion: "rbac.authorization.k8s.io/v1", kind: "ClusterRoleBinding", metadata: { name: n }, roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: bad ? "cluster-admin" : n }, subjects: [{ kind: "ServiceAccount", name: n, namespace: ns }] })],
    [0.04, (n, ns) => ({ apiVersion: "networking.k8s.io/v1", kind: "NetworkPolicy", metadata: meta(n, ns), spec: { podSelector: {}, policyTypes: ["Ingress", "Egress"] } })],
  ];
  const total = kinds.reduce((s, [w]) => s + w, 0);
  let i = 0;
  while (out.length < size) {
    const r = rand() * total;
    let acc = 0;
    const ns = namespaces[i % namespaces.length]!;
    for (const [w, make] of kinds) {
      acc += w;
      if (r <= acc) {
        out.push(make(`app-${i}`, ns, rand() < 0.35));
        break;
      }
    }
    i++;
  }
  return out;
}

/** 50k Deployments, the floor's input. */
export function generateDeployments(size: number): Obj[] {
  const all = generateCluster(size * 4, 7).filter((o) => o.kind === "Deployment");
  while (all.length < size) all.push(...all.slice(0, size - all.length));
  return all.slice(0, size);
}
