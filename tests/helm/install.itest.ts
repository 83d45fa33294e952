/**
 * The chart against the real kube-apiserver: install (all features, ServiceMonitor CRD first),
 * every object accepted and read back; RBAC of each ServiceAccount checked with
 * SubjectAccessReviews; upgrade (schedule change, revision label, kept secrets and in-cluster
 * schedule); a second installation beside it; uninstall. No kubelet runs, so pods never start:
 * `--no-hooks`, no `--wait`.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { KubeConfig } from "../../src/common/kube.ts";
import type { ControlPlane } from "../cluster/controlPlane.ts";
import { sharedControlPlane } from "../cluster/shared.ts";
import { CHART_DIR, FIXTURES, fixture, helm, ids, type K8sObject, parseObjects, render } from "./chart.ts";

const suffix = Date.now().toString(36);
const ns = `ks-chart-${suffix}`;
const ns2 = `ks-chart2-${suffix}`;
const release = `ks-${suffix}`;
let cp: ControlPlane;
let kc: KubeConfig;

const PLURALS: Record<string, string> = {
  ConfigMap: "configmaps",
  Secret: "secrets",
  Service: "services",
  ServiceAccount: "serviceaccounts",
  PersistentVolumeClaim: "persistentvolumeclaims",
  Deployment: "deployments",
  StatefulSet: "statefulsets",
  DaemonSet: "daemonsets",
  CronJob: "cronjobs",
  Role: "roles",
  RoleBinding: "rolebindings",
  ClusterRole: "clusterroles",
  ClusterRoleBinding: "clusterrolebindings",
  NetworkPolicy: "networkpolicies",
  ServiceMonitor: "servicemonitors",
  CustomResourceDefinition: "customresourcedefinitions",
};

function pathOf(o: Pick<K8sObject, "apiVersion" | "kind" | "metadata">): string {
  const base = o.apiVersion.includes("/") ? `/apis/${o.apiVersion}` : `/api/${o.apiVersion}`;
  const plural = PLURALS[o.kind];
  if (!plural) throw new Error(`no plural for ${o.kind}`);
  return `${base}${o.metadata.namespace ? `/namespaces/${o.metadata.namespace}` : ""}/${plural}/${o.metadata.name}`;
}

async function api(path: string, init: RequestInit = {}): Promise<{ status: number; body: K8sObject }> {
  const res = await kc.fetch(path, { ...init, headers: { "content-type": "application/json", ...(init.headers ?? {}) } });
  const text = await res.text();
  let body: K8sObject;
  try {
    body = JSON.parse(text) as K8sObject;
  } catch {
    body = { apiVersion: "", kind: "Text", metadata: { name: "" }, text }; // e.g. "404 page not found" before a CRD is served
  }
  return { status: res.status, body };
}

const helmAt = (args: string[]) => helm([...args, "--kubeconfig", cp.kubeconfigPath], cp.helm);
const valuesFor = (namespace: string) => ["--set", `ksNamespace=${namespace}`, "-n", namespace];

function mustSucceed(res: { status: number | null; stdout: string; stderr: string }): string {
  if (res.status !== 0) throw new Error(`helm failed: ${res.stderr}`);
  return res.stdout;
}

async function manifest(rel: string, namespace: string): Promise<K8sObject[]> {
  return parseObjects(mustSucceed(helmAt(["get", "manifest", rel, "-n", namespace])));
}

async function can(sa: string, verb: string, resource: string, namespace?: string, group = "", subresource?: string): Promise<boolean> {
  const body = {
    apiVersion: "authorization.k8s.io/v1",
    kind: "SubjectAccessReview",
    spec: {
      user: `system:serviceaccount:${ns}:${sa}`,
      groups: ["system:serviceaccounts", `system:serviceaccounts:${ns}`, "system:authenticated"],
      resourceAttributes: { verb, group, resource, ...(namespace ? { namespace } : {}), ...(subresource ? { subresource } : {}) },
    },
  };
  const { status, body: review } = await api("/apis/authorization.k8s.io/v1/subjectaccessreviews", { method: "POST", body: JSON.stringify(body) });
  if (status !== 201) throw new Error(`SubjectAccessReview answered ${status}`);
  return review.status?.allowed === true;
}

beforeAll(async () => {
  cp = await sharedControlPlane();
  kc = new KubeConfig();
  kc.loadFromFile(cp.kubeconfigPath);
  for (const name of [ns, ns2]) {
    const res = await api("/api/v1/namespaces", { method: "POST", body: JSON.stringify({ metadata: { name } }) });
    expect(res.status).toBe(201);
  }
  // The ServiceMonitor CRD first (another file may have created it already), then wait until served.
  const crd = parse(readFileSync(join(FIXTURES, "servicemonitor-crd.yaml"), "utf8")) as K8sObject;
  const created = await api("/apis/apiextensions.k8s.io/v1/customresourcedefinitions", { method: "POST", body: JSON.stringify(crd) });
  expect([201, 409]).toContain(created.status);
  const deadline = Date.now() + 30_000;
  while ((await api(`/apis/monitoring.coreos.com/v1/namespaces/${ns}/servicemonitors`)).status !== 200) {
    if (Date.now() > deadline) throw new Error("ServiceMonitor CRD never served");
    await Bun.sleep(200);
  }
}, 180_000);

afterAll(async () => {
  if (!kc) return;
  for (const name of [ns, ns2]) {
    helmAt(["uninstall", release, "-n", name, "--no-hooks"]);
    await api(`/api/v1/namespaces/${name}`, { method: "DELETE" });
  }
});

describe("helm install into the real apiserver", () => {
  test("all-features install: every rendered object is accepted and reads back", async () => {
    const out = mustSucceed(helmAt(["install", release, CHART_DIR, "--no-hooks", ...fixture("all-features-values.yaml"), ...valuesFor(ns)]));
    // NOTES: where results go, how to see the schedules and reach the dashboard.
    expect(out).toContain(`Cluster "prod-eu-1" reports as account 00000000-0000-0000-0000-0000000000aa to http://backend:8080.`);
    expect(out).toContain(`kubectl -n ${ns} get cj kubescape-scheduler`);
    expect(out).toContain(`kubectl -n ${ns} get secret backend-admin -o jsonpath='{.data.password}' | base64 -d`);
    const objects = await manifest(release, ns);
    expect(ids(objects)).toEqual(ids(render([...fixture("all-features-values.yaml"), "--set", `ksNamespace=${ns}`])));
    expect(objects.length).toBe(52);
    for (const o of objects) {
      const { status, body } = await api(pathOf(o));
      expect({ id: `${o.kind}/${o.metadata.name}`, status }).toEqual({ id: `${o.kind}/${o.metadata.name}`, status: 200 });
      expect(body.metadata.labels?.["app.kubernetes.io/instance"]).toBe(release);
    }
    const cron = (await api(`/apis/batch/v1/namespaces/${ns}/cronjobs/kubescape-scheduler`)).body;
    expect(cron.spec.schedule).toMatch(/^\d+ \d+ \* \* \*$/);
    expect(cron.spec.suspend).toBe(true); // croner in the all-features values
    const dep = (await api(`/apis/apps/v1/namespaces/${ns}/deployments/operator`)).body;
    expect(dep.spec.template.metadata.labels["helm.sh/revision"]).toBe("1");
    expect(dep.spec.template.spec.containers[0].securityContext).toMatchObject({ readOnlyRootFilesystem: true, runAsNonRoot: true, allowPrivilegeEscalation: false, capabilities: { drop: ["ALL"] } });
    const sm = (await api(`/apis/monitoring.coreos.com/v1/namespaces/${ns}/servicemonitors/kubescape-monitor`)).body;
    expect(sm.spec.endpoints[0].port).toBe("http");
  });

  test("a second installation in another namespace lives beside the first", async () => {
    mustSucceed(helmAt(["install", release, CHART_DIR, "--no-hooks", ...fixture("default-values.yaml"), ...valuesFor(ns2)]));
    const objects = await manifest(release, ns2);
    expect(ids(objects)).toEqual(ids(render([...fixture("default-values.yaml"), "--set", `ksNamespace=${ns2}`])));
    expect(objects.length).toBe(38);
    expect((await api(`/apis/rbac.authorization.k8s.io/v1/clusterroles/${ns}:operator`)).status).toBe(200);
    expect((await api(`/apis/rbac.authorization.k8s.io/v1/clusterroles/${ns2}:operator`)).status).toBe(200);
  });
});

describe("RBAC per ServiceAccount (SubjectAccessReview)", () => {
  const WRITES = ["create", "update", "patch", "delete"];

  test("operator: CronJobs, ConfigMaps and Secrets in its namespace, nowhere else", async () => {
    for (const verb of WRITES) {
      expect({ verb, ns: await can("operator", verb, "cronjobs", ns, "batch") }).toEqual({ verb, ns: true });
      expect({ verb, default: await can("operator", verb, "cronjobs", "default", "batch") }).toEqual({ verb, default: false });
      expect({ verb, cluster: await can("operator", verb, "cronjobs", undefined, "batch") }).toEqual({ verb, cluster: false });
    }
    expect(await can("operator", "create", "configmaps", ns)).toBe(true);
    expect(await can("operator", "create", "secrets", ns)).toBe(true);
    expect(await can("operator", "create", "configmaps", "default")).toBe(false);
    expect(await can("operator", "get", "secrets", "default")).toBe(false);
    expect(await can("operator", "list", "pods")).toBe(true);
    expect(await can("operator", "list", "namespaces")).toBe(true);
    expect(await can("operator", "delete", "pods", ns)).toBe(false);
    expect(await can("operator", "create", "deployments", ns, "apps")).toBe(false);
    expect(await can("operator", "create", "jobs", ns, "batch")).toBe(false);
  });

  test("kubescape: reads the cluster, cannot write anything", async () => {
    for (const [resource, group] of [["pods", ""], ["nodes", ""], ["clusterroles", "rbac.authorization.k8s.io"], ["networkpolicies", "networking.k8s.io"], ["deployments", "apps"]] as const) {
      expect({ resource, list: await can("kubescape", "list", resource, undefined, group) }).toEqual({ resource, list: true });
    }
    const targets = [["pods", ""], ["configmaps", ""], ["secrets", ""], ["namespaces", ""], ["deployments", "apps"], ["daemonsets", "apps"], ["cronjobs", "batch"], ["clusterroles", "rbac.authorization.k8s.io"], ["rolebindings", "rbac.authorization.k8s.io"]] as const;
    for (const [resource, group] of targets) {
      for (const verb of [...WRITES, "deletecollection"]) {
        for (const where of [ns, "default", undefined]) {
          expect({ resource, verb, where, allowed: await can("kubescape", verb, resource, where, group) }).toEqual({ resource, verb, where, allowed: false });
        }
      }
    }
    // Host-scanner data through the pod proxy: GET only, only in its namespace.
    expect(await can("kubescape", "get", "pods", ns, "", "proxy")).toBe(true);
    expect(await can("kubescape", "create", "pods", ns, "", "proxy")).toBe(false);
    expect(await can("kubescape", "get", "pods", "default", "", "proxy")).toBe(false);
    expect(await can("kubescape", "create", "pods", ns, "", "exec")).toBe(false);
  });

  test("kollector: watches the inventory, writes only its Lease", async () => {
    expect(await can("kollector", "watch", "pods")).toBe(true);
    expect(await can("kollector", "watch", "cronjobs", undefined, "batch")).toBe(true);
    expect(await can("kollector", "create", "leases", ns, "coordination.k8s.io")).toBe(true);
    expect(await can("kollector", "create", "leases", "default", "coordination.k8s.io")).toBe(false);
    expect(await can("kollector", "create", "pods", ns)).toBe(false);
    expect(await can("kollector", "update", "secrets", ns)).toBe(false);
  });

  test("gateway, kubevuln, host-scanner, backend and the scan CronJobs: no API rights at all", async () => {
    for (const sa of ["gateway", "kubevuln", "host-scanner", "backend", "ks-scheduler"]) {
      for (const [verb, resource, where] of [["get", "pods", ns], ["list", "configmaps", ns], ["get", "secrets", ns], ["create", "cronjobs", ns], ["list", "nodes", undefined]] as const) {
        const group = resource === "cronjobs" ? "batch" : "";
        expect({ sa, verb, resource, allowed: await can(sa, verb, resource, where, group) }).toEqual({ sa, verb, resource, allowed: false });
      }
    }
  });

  test("gateway has no token: neither its ServiceAccount nor its pod mounts one", async () => {
    const sa = (await api(`/api/v1/namespaces/${ns}/serviceaccounts/gateway`)).body;
    expect(sa.automountServiceAccountToken).toBe(false);
    const pod = (await api(`/apis/apps/v1/namespaces/${ns}/deployments/gateway`)).body.spec.template.spec;
    expect(pod.automountServiceAccountToken).toBe(false);
    expect(JSON.stringify(pod.volumes)).not.toContain("serviceAccountToken");
    const roleBindings = (await api(`/apis/rbac.authorization.k8s.io/v1/namespaces/${ns}/rolebindings`)).body.items as K8sObject[];
    expect(roleBindings.flatMap((rb) => rb.subjects.map((s: { name: string }) => s.name))).not.toContain("gateway");
  });
});

describe("helm upgrade and uninstall", () => {
  test("upgrade: new schedule applied, revision label bumped, in-cluster schedule and generated secrets kept", async () => {
    const secretValue = async (name: string, key: string) => Buffer.from((await api(`/api/v1/namespaces/${ns}/secrets/${name}`)).body.data[key], "base64").toString();
    const password = await secretValue("backend-admin", "password");
    const accessKey = await secretValue("cloud-secret", "accessKey");
    // Someone (the operator, the dashboard) changed the image-scan schedule in the cluster.
    const patched = await api(`/apis/batch/v1/namespaces/${ns}/cronjobs/kubevuln-scheduler`, {
      method: "PATCH",
      headers: { "content-type": "application/merge-patch+json" },
      body: JSON.stringify({ spec: { schedule: "7 7 * * *" } }),
    });
    expect(patched.status).toBe(200);

    mustSucceed(helmAt(["upgrade", release, CHART_DIR, "--no-hooks", ...fixture("all-features-values.yaml"), ...valuesFor(ns), "--set", "kubescapeScheduler.scanSchedule=5 4 * * 1-5"]));
    expect((await api(`/apis/batch/v1/namespaces/${ns}/cronjobs/kubescape-scheduler`)).body.spec.schedule).toBe("5 4 * * 1-5");
    expect((await api(`/apis/batch/v1/namespaces/${ns}/cronjobs/kubevuln-scheduler`)).body.spec.schedule).toBe("7 7 * * *");
    for (const [kind, name] of [["deployments", "operator"], ["deployments", "kubescape"], ["statefulsets", "kollector"], ["daemonsets", "host-scanner"]]) {
      const labels = (await api(`/apis/apps/v1/namespaces/${ns}/${kind}/${name}`)).body.spec.template.metadata.labels;
      expect({ name, rev: labels["helm.sh/revision"] }).toEqual({ name, rev: "2" });
    }
    expect(await secretValue("backend-admin", "password")).toBe(password);
    expect(await secretValue("cloud-secret", "accessKey")).toBe(accessKey);
  });

  test("upgrade turning features off removes their objects", async () => {
    mustSucceed(helmAt(["upgrade", release, CHART_DIR, "--no-hooks", ...fixture("all-features-values.yaml"), ...valuesFor(ns), "--set", "global.networkPolicy.enabled=false", "--set", "kubescape.serviceMonitor.enabled=false"]));
    expect(((await api(`/apis/networking.k8s.io/v1/namespaces/${ns}/networkpolicies`)).body.items as unknown[]).length).toBe(0);
    expect((await api(`/apis/monitoring.coreos.com/v1/namespaces/${ns}/servicemonitors/kubescape-monitor`)).status).toBe(404);
    expect((await api(`/apis/apps/v1/namespaces/${ns}/deployments/operator`)).body.spec.template.metadata.labels["helm.sh/revision"]).toBe("3");
  });

  test("uninstall removes every object except the kept backend data claim", async () => {
    const objects = await manifest(release, ns);
    mustSucceed(helmAt(["uninstall", release, "-n", ns, "--no-hooks"]));
    for (const o of objects) {
      const expected = o.kind === "PersistentVolumeClaim" ? 200 : 404;
      expect({ id: `${o.kind}/${o.metadata.name}`, status: (await api(pathOf(o))).status }).toEqual({ id: `${o.kind}/${o.metadata.name}`, status: expected });
    }
    expect((await api(`/apis/rbac.authorization.k8s.io/v1/clusterroles/${ns2}:operator`)).status).toBe(200);
    await api(`/api/v1/namespaces/${ns}/persistentvolumeclaims/backend-data`, { method: "DELETE" });
  });
});
