/**
 * The chart rendered by the real helm binary (`helm lint`, `helm template`): exactly the
 * expected objects for the default, minimal and all-features values, their security settings,
 * arguments, ports, labels, schedules and configuration, and the refusal of bad values.
 */
import { describe, expect, test } from "bun:test";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { CHART_DIR, find, fixture, helm, ids, type K8sObject, parseObjects, podSpecs, render, renderError } from "./chart.ts";

const appVersion = (parse(readFileSync(join(CHART_DIR, "Chart.yaml"), "utf8")) as { appVersion: string }).appVersion;
const defaults = render(fixture("default-values.yaml"));
const minimal = render(fixture("minimal-values.yaml"));
const all = render(fixture("all-features-values.yaml"));

const rbac = (c: string, role = true) => [`ClusterRole/kubescape:${c}`, `ClusterRoleBinding/kubescape:${c}`, ...(role ? [`Role/${c}`, `RoleBinding/${c}`] : [])];
const MINIMAL = [
  ...rbac("kubescape", false),
  "ConfigMap/ks-cloud-config",
  "ConfigMap/kubescape-cronjob-template",
  "ConfigMap/kubevuln-cronjob-template",
  "ConfigMap/registry-scan-cronjob-template",
  "Deployment/kubescape",
  "Secret/cloud-secret",
  "Service/kubescape",
  "ServiceAccount/ks-scheduler",
  "ServiceAccount/kubescape",
];
const DEFAULT = [
  ...MINIMAL,
  "Role/kubescape",
  "RoleBinding/kubescape",
  ...rbac("operator"),
  ...rbac("kollector"),
  "ConfigMap/kubescape-scheduler",
  "ConfigMap/kubevuln-scheduler",
  "CronJob/kubescape-scheduler",
  "CronJob/kubevuln-scheduler",
  "DaemonSet/host-scanner",
  "Deployment/gateway",
  "Deployment/kubevuln",
  "Deployment/operator",
  "Service/gateway",
  "Service/kubevuln",
  "Service/operator",
  "ServiceAccount/gateway",
  "ServiceAccount/host-scanner",
  "ServiceAccount/kollector",
  "ServiceAccount/kubevuln",
  "ServiceAccount/operator",
  "StatefulSet/kollector",
];
const ALL = [
  ...DEFAULT,
  "Deployment/backend",
  "Service/backend",
  "ServiceAccount/backend",
  "Secret/backend-admin",
  "PersistentVolumeClaim/backend-data",
  "ServiceMonitor/kubescape-monitor",
  ...["kubescape", "host-scanner", "operator", "kubevuln", "gateway", "kollector", "ks-scheduler", "backend"].map((n) => `NetworkPolicy/${n}`),
];

const SERVICES: Record<string, { workload: string; ports: [string, number, string][] }> = {
  kubescape: { workload: "Deployment/kubescape", ports: [["http", 8080, "http"]] },
  operator: { workload: "Deployment/operator", ports: [["trigger-port", 4002, "trigger-port"]] },
  kubevuln: { workload: "Deployment/kubevuln", ports: [["vuln-scan-port", 8080, "vuln-scan-port"]] },
  gateway: { workload: "Deployment/gateway", ports: [["websocket", 8001, "websocket"], ["http", 8002, "rest-api"]] },
  backend: { workload: "Deployment/backend", ports: [["http", 8080, "http"]] },
};

const container = (o: K8sObject) => {
  const spec = o.kind === "CronJob" ? o.spec.jobTemplate.spec.template.spec : o.spec.template.spec;
  return spec.containers[0];
};
const envOf = (o: K8sObject): Record<string, string> => Object.fromEntries((container(o).env ?? []).filter((e: { value?: string }) => e.value !== undefined).map((e: { name: string; value: string }) => [e.name, e.value]));
const clusterData = (objects: K8sObject[]) => JSON.parse(find(objects, "ConfigMap", "ks-cloud-config").data.clusterData);

describe("helm lint", () => {
  test("passes with the default and all-features values", () => {
    for (const values of ["default-values.yaml", "all-features-values.yaml"]) {
      const res = helm(["lint", "--strict", CHART_DIR, ...fixture(values)]);
      expect({ values, status: res.status, out: res.status === 0 ? "" : res.stdout + res.stderr }).toEqual({ values, status: 0, out: "" });
    }
  });
});

describe("rendered objects", () => {
  test("minimal values: exactly the posture scanner and its configuration", () => {
    expect(ids(minimal)).toEqual([...MINIMAL].sort());
  });
  test("default values: the full reporting stack with the host-scanner and both schedulers", () => {
    expect(ids(defaults)).toEqual([...DEFAULT].sort());
  });
  test("all-features values: plus backend, ServiceMonitor and a NetworkPolicy per component", () => {
    expect(ids(all)).toEqual([...ALL].sort());
  });

  test("every object lives in ksNamespace and carries the release labels", () => {
    const objects = render([...fixture("default-values.yaml"), "--set", "ksNamespace=ks-other"], "rel1");
    for (const o of objects) {
      if (!o.kind.startsWith("Cluster")) expect({ id: `${o.kind}/${o.metadata.name}`, ns: o.metadata.namespace }).toEqual({ id: `${o.kind}/${o.metadata.name}`, ns: "ks-other" });
      else expect(o.metadata.name).toStartWith("ks-other:");
      expect(o.metadata.labels?.["app.kubernetes.io/instance"]).toBe("rel1");
    }
  });
});

describe("workloads", () => {
  test("each component runs the one image with its name as the only argument", () => {
    const expected: Record<string, string> = {
      "Deployment/kubescape": "kubescape",
      "Deployment/operator": "operator",
      "Deployment/kubevuln": "kubevuln",
      "Deployment/gateway": "gateway",
      "StatefulSet/kollector": "kollector",
      "DaemonSet/host-scanner": "host-scanner",
      "Deployment/backend": "backend",
    };
    for (const [id, arg] of Object.entries(expected)) {
      const [kind, name] = id.split("/") as [string, string];
      const c = container(find(all, kind, name));
      expect({ id, args: c.args, image: c.image }).toEqual({ id, args: [arg], image: `ghcr.io/kubescape-ts/ks:${appVersion}` });
    }
  });

  test("image.tag applies to all, a component's repository and tag override it", () => {
    const objects = render([...fixture("default-values.yaml"), "--set", "image.tag=v9", "--set", "kubevuln.image.repository=reg.local/kv", "--set", "gateway.image.tag=g1"]);
    expect(container(find(objects, "Deployment", "kubescape")).image).toBe("ghcr.io/kubescape-ts/ks:v9");
    expect(container(find(objects, "Deployment", "kubevuln")).image).toBe("reg.local/kv:v9");
    expect(container(find(objects, "Deployment", "gateway")).image).toBe("ghcr.io/kubescape-ts/ks:g1");
    expect(container(find(objects, "CronJob", "kubescape-scheduler")).image).toBe("ghcr.io/kubescape-ts/ks:v9");
  });

  test("every container is non-root, read-only, unprivileged, without capabilities, seccomp RuntimeDefault, with requests and limits", () => {
    const specs = podSpecs(all);
    expect(specs.length).toBe(7 + 2 + 3);
    for (const { owner, spec } of specs) {
      expect({ owner, automount: spec.automountServiceAccountToken }).toEqual({ owner, automount: false });
      expect({ owner, seccomp: spec.securityContext?.seccompProfile?.type }).toEqual({ owner, seccomp: "RuntimeDefault" });
      for (const c of [...spec.containers, ...(spec.initContainers ?? [])]) {
        const sc = c.securityContext;
        expect({ owner, sc: { nonRoot: sc.runAsNonRoot, ro: sc.readOnlyRootFilesystem, esc: sc.allowPrivilegeEscalation, priv: sc.privileged ?? false, drop: sc.capabilities?.drop, add: sc.capabilities?.add } }).toEqual({
          owner,
          sc: { nonRoot: true, ro: true, esc: false, priv: false, drop: ["ALL"], add: undefined },
        });
        for (const k of ["requests", "limits"]) expect({ owner, k, cpu: !!c.resources?.[k]?.cpu, mem: !!c.resources?.[k]?.memory }).toEqual({ owner, k, cpu: true, mem: true });
      }
    }
  });

  test("only the host-scanner touches the host: hostPID and / read-only at /host, no privilege", () => {
    for (const { owner, spec } of podSpecs(all)) {
      const hostPaths = (spec.volumes ?? []).filter((v: { hostPath?: unknown }) => v.hostPath);
      if (owner !== "DaemonSet/host-scanner") {
        expect({ owner, hostPaths, hostPID: spec.hostPID, hostNetwork: spec.hostNetwork, hostIPC: spec.hostIPC }).toEqual({ owner, hostPaths: [], hostPID: undefined, hostNetwork: undefined, hostIPC: undefined });
      }
    }
    const ds = find(all, "DaemonSet", "host-scanner");
    const spec = ds.spec.template.spec;
    expect(spec.hostPID).toBe(true);
    expect(spec.hostNetwork).toBeUndefined();
    expect(spec.volumes.find((v: { name: string }) => v.name === "host-root").hostPath).toEqual({ path: "/", type: "Directory" });
    expect(spec.containers[0].volumeMounts.find((m: { name: string }) => m.name === "host-root")).toEqual({ name: "host-root", mountPath: "/host", readOnly: true });
    expect(envOf(ds)).toMatchObject({ HOST_ROOT: "/host", PORT: "7888" });
    expect(spec.containers[0].ports).toEqual([{ name: "scanner", containerPort: 7888, protocol: "TCP" }]);
    expect(spec.tolerations.map((t: { key: string }) => t.key)).toEqual(["node-role.kubernetes.io/control-plane", "node-role.kubernetes.io/master"]);
    const root = find(render([...fixture("default-values.yaml"), "--set", "kubescapeHostScanner.runAsRoot=true"]), "DaemonSet", "host-scanner");
    expect(container(root).securityContext).toMatchObject({ runAsUser: 0, privileged: false, allowPrivilegeEscalation: false, capabilities: { drop: ["ALL"] } });
  });

  test("long-running containers probe their real health routes on a declared port", () => {
    const routes: Record<string, [string, string]> = {
      "Deployment/kubescape": ["/livez", "/readyz"],
      "Deployment/operator": ["/v1/liveness", "/v1/readiness"],
      "Deployment/kubevuln": ["/v1/liveness", "/v1/readiness"],
      "Deployment/gateway": ["/v1/liveness", "/v1/readiness"],
      "StatefulSet/kollector": ["/v1/liveness", "/v1/readiness"],
      "DaemonSet/host-scanner": ["/healthz", "/readyz"],
      "Deployment/backend": ["/livez", "/readyz"],
    };
    const probePorts: Record<string, number> = {};
    for (const [id, [live, ready]] of Object.entries(routes)) {
      const [kind, name] = id.split("/") as [string, string];
      const c = container(find(all, kind, name));
      expect({ id, live: c.livenessProbe.httpGet.path, ready: c.readinessProbe.httpGet.path }).toEqual({ id, live, ready });
      const port = c.ports.find((p: { name: string }) => p.name === c.readinessProbe.httpGet.port);
      expect({ id, declared: port !== undefined }).toEqual({ id, declared: true });
      probePorts[id] = port.containerPort;
    }
    expect(probePorts).toEqual({
      "Deployment/kubescape": 8080,
      "Deployment/operator": 8000,
      "Deployment/kubevuln": 8080,
      "Deployment/gateway": 8000,
      "StatefulSet/kollector": 8000,
      "DaemonSet/host-scanner": 7888,
      "Deployment/backend": 8080,
    });
  });

  test("component environment: ports, namespace, config path and feature switches", () => {
    expect(envOf(find(defaults, "Deployment", "gateway"))).toMatchObject({ WEBSOCKET_PORT: "8001", HTTP_PORT: "8002", READINESS_PORT: "8000", NAMESPACE: "kubescape", CONFIG: "/etc/config/clusterData.json" });
    expect(envOf(find(defaults, "Deployment", "gateway")).PARENT_URL).toBeUndefined();
    expect(envOf(find(all, "Deployment", "gateway")).PARENT_URL).toBe("ws://backend:8080/v1/waitfornotification");
    expect(envOf(find(defaults, "Deployment", "operator"))).toMatchObject({ PORT: "4002", READINESS_PORT: "8000", RECURRING_SCHEDULER: "cronjob" });
    expect(envOf(find(all, "Deployment", "operator")).RECURRING_SCHEDULER).toBe("croner");
    expect(envOf(find(defaults, "Deployment", "kubescape"))).toMatchObject({ KS_PORT: "8080", KS_SUBMIT: "true", KS_ENABLE_HOST_SCANNER: "true", KS_DOWNLOAD_ARTIFACTS: "true", KS_SKIP_UPDATE_CHECK: "false" });
    expect(envOf(find(defaults, "Deployment", "kubevuln"))).toMatchObject({ PORT: "8080", CA_MAX_VULN_SCAN_ROUTINES: "1" });
    expect(envOf(find(all, "StatefulSet", "kollector"))).toMatchObject({ READINESS_PORT: "8000", ACTIVATE_CVE_SCAN_ON_NEW_IMAGE_FEATURE: "true", PRINT_REPORT: "false", WAIT_BEFORE_REPORT: "15" });
    expect(envOf(find(all, "Deployment", "backend"))).toMatchObject({ PORT: "8080", DATA_DIR: "/data" });
    const mapEnv = render([...fixture("default-values.yaml"), "--set", "operator.env.LOG_LEVEL=debug", "--set", "kubevuln.verbose=yes"]);
    expect(envOf(find(mapEnv, "Deployment", "operator")).LOG_LEVEL).toBe("debug");
    expect(envOf(find(mapEnv, "Deployment", "kubevuln")).PRINT_POST_JSON).toBe("true");
  });

  test("Services select their workload's pods on the reference ports", () => {
    for (const [name, { workload, ports }] of Object.entries(SERVICES)) {
      const svc = find(all, "Service", name);
      const [kind, wname] = workload.split("/") as [string, string];
      const w = find(all, kind, wname);
      expect({ name, ports: svc.spec.ports.map((p: { name: string; port: number; targetPort: string }) => [p.name, p.port, p.targetPort]) }).toEqual({ name, ports });
      for (const [k, v] of Object.entries(svc.spec.selector)) expect({ name, k, v: w.spec.template.metadata.labels[k] }).toEqual({ name, k, v });
      expect(w.spec.selector.matchLabels).toEqual(svc.spec.selector);
      for (const [, , target] of ports) expect(container(w).ports.map((p: { name: string }) => p.name)).toContain(target);
    }
  });

  test("addRevisionLabel puts the release revision on every pod template, and can be turned off", () => {
    for (const { owner, labels } of podSpecs(defaults).filter((p) => !p.owner.includes("CronJob") && !p.owner.startsWith("ConfigMap"))) {
      expect({ owner, rev: labels["helm.sh/revision"] }).toEqual({ owner, rev: "1" });
    }
    const off = render([...fixture("default-values.yaml"), "--set", "addRevisionLabel=false"]);
    expect(find(off, "Deployment", "operator").spec.template.metadata.labels["helm.sh/revision"]).toBeUndefined();
  });

  test("ServiceAccounts: one per component; only kubescape, operator and kollector get an API token", () => {
    const withToken = podSpecs(all)
      .filter(({ spec }) => (spec.volumes ?? []).some((v: { projected?: { sources: { serviceAccountToken?: unknown }[] } }) => v.projected?.sources.some((s) => s.serviceAccountToken)))
      .map((p) => p.owner)
      .sort();
    expect(withToken).toEqual(["Deployment/kubescape", "Deployment/operator", "StatefulSet/kollector"]);
    const sa = Object.fromEntries(podSpecs(all).map((p) => [p.owner, p.spec.serviceAccountName]));
    expect(sa).toMatchObject({
      "Deployment/kubescape": "kubescape",
      "Deployment/operator": "operator",
      "Deployment/kubevuln": "kubevuln",
      "Deployment/gateway": "gateway",
      "StatefulSet/kollector": "kollector",
      "DaemonSet/host-scanner": "host-scanner",
      "Deployment/backend": "backend",
      "CronJob/kubescape-scheduler": "ks-scheduler",
    });
    for (const o of all.filter((x) => x.kind === "ServiceAccount")) expect({ sa: o.metadata.name, automount: o.automountServiceAccountToken }).toEqual({ sa: o.metadata.name, automount: false });
    expect(find(all, "ServiceAccount", "kubescape").metadata.annotations).toEqual({ "eks.amazonaws.com/role-arn": "arn:aws:iam::123456789012:role/ks" });
  });

  test("imagePullSecrets: one name (reference form) or a list", () => {
    expect(find(render([...fixture("default-values.yaml"), "--set", "imagePullSecrets=regcred"]), "Deployment", "operator").spec.template.spec.imagePullSecrets).toEqual([{ name: "regcred" }]);
    expect(find(all, "Deployment", "operator").spec.template.spec.imagePullSecrets).toEqual([{ name: "regcred" }, { name: "other" }]);
    expect(find(defaults, "Deployment", "operator").spec.template.spec.imagePullSecrets).toBeUndefined();
  });

  test("global and component volumes, tolerations, nodeSelector and affinity are added", () => {
    const objects = render([
      ...fixture("default-values.yaml"),
      "--set-json", 'volumes=[{"name":"g","emptyDir":{}}]',
      "--set-json", 'volumeMounts=[{"name":"g","mountPath":"/g"}]',
      "--set-json", 'operator.volumes=[{"name":"o","emptyDir":{}}]',
      "--set-json", 'operator.volumeMounts=[{"name":"o","mountPath":"/o"}]',
      "--set-json", 'tolerations=[{"key":"a","operator":"Exists"}]',
      "--set-json", 'operator.tolerations=[{"key":"b","operator":"Exists"}]',
      "--set", "operator.nodeSelector.disk=ssd",
      "--set-json", 'kubescapeScheduler.volumeMounts=[{"name":"g","mountPath":"/s"}]',
    ]);
    const op = find(objects, "Deployment", "operator").spec.template.spec;
    expect(op.volumes.map((v: { name: string }) => v.name).filter((n: string) => n.length === 1)).toEqual(["g", "o"]);
    expect(op.containers[0].volumeMounts.map((m: { mountPath: string }) => m.mountPath)).toEqual(expect.arrayContaining(["/g", "/o"]));
    expect(op.tolerations.map((t: { key: string }) => t.key)).toEqual(["a", "b"]);
    expect(op.nodeSelector).toEqual({ disk: "ssd" });
    const ks = find(objects, "Deployment", "kubescape").spec.template.spec;
    expect(ks.volumes.map((v: { name: string }) => v.name)).toContain("g");
    expect(ks.volumes.map((v: { name: string }) => v.name)).not.toContain("o");
    const cron = find(objects, "CronJob", "kubescape-scheduler").spec.jobTemplate.spec.template.spec;
    expect(cron.containers[0].volumeMounts.map((m: { mountPath: string }) => m.mountPath)).toEqual(["/home/ks/request-body.json", "/tmp", "/g", "/s"]);
  });
});

describe("scheduled scans", () => {
  const HTTP_REQUEST_ARGS = ["http-request", "-method=POST", "-scheme=http", "-host=operator:4002", "-path=v1/triggerAction", "-headers=Content-Type:application/json", "-path-body=/home/ks/request-body.json"];

  test("scheduler CronJobs POST their request-body.json ConfigMap to the operator", () => {
    const bodies: Record<string, unknown> = {
      "kubescape-scheduler": { commands: [{ CommandName: "kubescapeScan", args: { scanV1: {} } }] },
      "kubevuln-scheduler": { commands: [{ commandName: "scan", designators: [{ designatorType: "Attributes", attributes: {} }] }] },
    };
    for (const [name, body] of Object.entries(bodies)) {
      const cj = find(defaults, "CronJob", name);
      const spec = cj.spec.jobTemplate.spec.template.spec;
      expect(spec.containers[0].args).toEqual(HTTP_REQUEST_ARGS);
      expect(spec.restartPolicy).toBe("Never");
      expect(spec.containers[0].volumeMounts[0]).toEqual({ name: "request-body-volume", mountPath: "/home/ks/request-body.json", subPath: "request-body.json", readOnly: true });
      expect(spec.volumes[0]).toEqual({ name: "request-body-volume", configMap: { name } });
      expect(JSON.parse(find(defaults, "ConfigMap", name).data["request-body.json"])).toEqual(body);
      expect(cj.spec.suspend).toBe(false);
    }
    expect(find(defaults, "CronJob", "kubescape-scheduler").metadata.labels?.["armo.tier"]).toBe("kubescape-scan");
    expect(find(defaults, "CronJob", "kubevuln-scheduler").spec.jobTemplate.spec.template.metadata.labels["armo.tier"]).toBe("vuln-scan");
  });

  test("default schedules are daily, derived from the cluster name, the same on every render", () => {
    const schedule = (objects: K8sObject[], name: string) => find(objects, "CronJob", name).spec.schedule as string;
    const a = schedule(defaults, "kubescape-scheduler");
    expect(a).toMatch(/^([0-9]|[1-5][0-9]) ([0-9]|1[0-9]|2[0-3]) \* \* \*$/);
    expect(schedule(render(fixture("default-values.yaml")), "kubescape-scheduler")).toBe(a);
    expect(schedule(defaults, "kubevuln-scheduler")).not.toBe(a);
    const others = ["alpha", "beta", "gamma", "delta"].map((n) => schedule(render([...fixture("default-values.yaml"), "--set", `clusterName=${n}`]), "kubescape-scheduler"));
    expect(new Set([a, ...others]).size).toBeGreaterThan(2);
  });

  test("a schedule other than the reference default is used as given", () => {
    const objects = render([...fixture("default-values.yaml"), "--set", "kubescapeScheduler.scanSchedule=*/30 2 * * 1-5", "--set", "kubevulnScheduler.scanSchedule=@weekly"]);
    expect(find(objects, "CronJob", "kubescape-scheduler").spec.schedule).toBe("*/30 2 * * 1-5");
    expect(find(objects, "CronJob", "kubevuln-scheduler").spec.schedule).toBe("@weekly");
  });

  test("croner mode keeps the CronJobs as the record but suspends them", () => {
    expect(find(all, "CronJob", "kubescape-scheduler").spec.suspend).toBe(true);
    expect(parseObjects(find(all, "ConfigMap", "kubevuln-cronjob-template").data.cronjobTemplate)[0]?.spec.suspend).toBe(true);
  });

  test("template ConfigMaps hold a CronJob with request-body-volume and the armo.tier label", () => {
    const expected: Record<string, [string, string]> = {
      "kubescape-cronjob-template": ["kubescape-scan", "0 8 * * *"],
      "kubevuln-cronjob-template": ["vuln-scan", "0 0 * * *"],
      "registry-scan-cronjob-template": ["registry-scan", "0 0 * * *"],
    };
    for (const [cm, [tier, schedule]] of Object.entries(expected)) {
      const docs = parseObjects(find(defaults, "ConfigMap", cm).data.cronjobTemplate);
      expect(docs.length).toBe(1);
      const cj = docs[0]!;
      expect({ cm, kind: cj.kind, api: cj.apiVersion, tier: cj.metadata.labels?.["armo.tier"], podTier: cj.spec.jobTemplate.spec.template.metadata.labels["armo.tier"], schedule: cj.spec.schedule }).toEqual({ cm, kind: "CronJob", api: "batch/v1", tier, podTier: tier, schedule });
      const spec = cj.spec.jobTemplate.spec.template.spec;
      expect(spec.volumes.map((v: { name: string }) => v.name)).toContain("request-body-volume");
      expect(spec.containers[0].args).toEqual(HTTP_REQUEST_ARGS);
      expect(cj.metadata.labels?.["app.kubernetes.io/managed-by"]).toBeUndefined();
    }
  });

  test("schedulers are not rendered without the operator or without submitting", () => {
    expect(ids(render([...fixture("default-values.yaml"), "--set", "operator.enabled=false"])).filter((i) => i.startsWith("CronJob"))).toEqual([]);
    expect(ids(render([...fixture("default-values.yaml"), "--set", "kubevuln.enabled=false"])).filter((i) => i.startsWith("CronJob"))).toEqual(["CronJob/kubescape-scheduler"]);
  });
});

describe("configuration and credentials", () => {
  test("ks-cloud-config clusterData has the in-cluster addresses, account, cleaned cluster name and backend URLs", () => {
    expect(clusterData(defaults)).toEqual({
      gatewayWebsocketURL: "gateway:8001",
      gatewayRestURL: "gateway:8002",
      vulnScanURL: "kubevuln:8080",
      kubevulnURL: "kubevuln:8080",
      kubescapeURL: "kubescape:8080",
      operatorURL: "operator:4002",
      triggerNewImageScan: "false",
      accountID: "00000000-0000-0000-0000-0000000000aa",
      clusterName: "kind-ks",
      maxImageSize: 5368709120,
      keepLocal: false,
      scanTimeout: "5m",
      eventReceiverRestURL: "",
      eventReceiverWebsocketURL: "",
      rootGatewayURL: "",
      namespace: "kubescape",
      clusterProvider: "",
    });
    expect(clusterData(all)).toMatchObject({ clusterName: "prod-eu-1", eventReceiverRestURL: "http://backend:8080", eventReceiverWebsocketURL: "ws://backend:8080", rootGatewayURL: "ws://backend:8080/v1/waitfornotification", clusterProvider: "eks", triggerNewImageScan: "true" });
    const external = render([...fixture("default-values.yaml"), "--set", "eventReceiverURL=https://er.example.com", "--set", "gatewayURL=wss://gw.example.com/v1/waitfornotification"]);
    expect(clusterData(external)).toMatchObject({ eventReceiverRestURL: "https://er.example.com", eventReceiverWebsocketURL: "wss://er.example.com", rootGatewayURL: "wss://gw.example.com/v1/waitfornotification" });
  });

  test("the seed's --set cluster-name=... works as clusterName", () => {
    const objects = render(["--set", "account=acc", "--set", "cluster-name=seed-cluster"]);
    expect(clusterData(objects).clusterName).toBe("seed-cluster");
  });

  test("credentials are in the Secret cloud-secret, mounted as files, and in no ConfigMap or env", () => {
    const secret = find(all, "Secret", "cloud-secret");
    const decoded = Object.fromEntries(Object.entries(secret.data as Record<string, string>).map(([k, v]) => [k, Buffer.from(v, "base64").toString()]));
    expect(decoded).toMatchObject({ account: "00000000-0000-0000-0000-0000000000aa", clientID: "client-id-value", secretKey: "secret-key-value" });
    expect(decoded.accessKey).toMatch(/^[A-Za-z0-9]{40}$/); // generated for the in-cluster backend
    for (const cm of all.filter((o) => o.kind === "ConfigMap")) {
      const text = JSON.stringify(cm.data);
      expect({ cm: cm.metadata.name, leaks: ["client-id-value", "secret-key-value", decoded.accessKey].filter((s) => text.includes(s!)) }).toEqual({ cm: cm.metadata.name, leaks: [] });
    }
    for (const { owner, spec } of podSpecs(all)) {
      expect({ owner, leaks: JSON.stringify(spec.containers.map((c: { env?: unknown }) => c.env)).includes("secret-key-value") }).toEqual({ owner, leaks: false });
    }
    const op = find(all, "Deployment", "operator").spec.template.spec;
    expect(op.volumes.find((v: { name: string }) => v.name === "credentials").secret.secretName).toBe("cloud-secret");
    expect(op.containers[0].volumeMounts.find((m: { name: string }) => m.name === "credentials")).toEqual({ name: "credentials", mountPath: "/etc/credentials", readOnly: true });
    expect(op.containers[0].volumeMounts.find((m: { name: string }) => m.name === "cloud-config")).toEqual({ name: "cloud-config", mountPath: "/etc/config", readOnly: true });
  });

  test("cloud provider metadata: top-level and cloudProviderMetadata spellings", () => {
    const gke = render([...fixture("default-values.yaml"), "--set", "cloudProviderEngine=GKE", "--set", "cloudRegion=europe-west1", "--set", "gkeProject=proj", "--set", "gkeServiceAccount=ks@proj.iam.gserviceaccount.com"]);
    expect(envOf(find(gke, "Deployment", "kubescape"))).toMatchObject({ KS_CLOUD_PROVIDER: "gke", KS_CLOUD_REGION: "europe-west1", KS_GKE_PROJECT: "proj", KS_KUBE_CLUSTER: "kind-ks" });
    expect(find(gke, "ServiceAccount", "operator").metadata.annotations).toEqual({ "iam.gke.io/gcp-service-account": "ks@proj.iam.gserviceaccount.com" });
    expect(envOf(find(all, "Deployment", "kubescape"))).toMatchObject({ KS_CLOUD_PROVIDER: "eks", KS_CLOUD_REGION: "eu-west-1" });
    expect(envOf(find(defaults, "Deployment", "kubescape")).KS_CLOUD_PROVIDER).toBeUndefined();
  });

  test("backend: DATA_DIR on the claim, admin and API keys from Secrets as files, never a default password", () => {
    const b = find(all, "Deployment", "backend").spec.template.spec;
    expect(b.volumes.find((v: { name: string }) => v.name === "data")).toEqual({ name: "data", persistentVolumeClaim: { claimName: "backend-data" } });
    expect(b.volumes.find((v: { name: string }) => v.name === "admin").secret.secretName).toBe("backend-admin");
    expect(b.containers[0].volumeMounts).toContainEqual({ name: "admin", mountPath: "/etc/backend-admin", readOnly: true });
    expect(envOf(find(all, "Deployment", "backend"))).toMatchObject({ ADMIN_USER_FILE: "/etc/backend-admin/username", ADMIN_PASSWORD_FILE: "/etc/backend-admin/password", BACKEND_API_KEYS_FILE: "/etc/credentials/backendApiKeys" });
    expect(JSON.stringify(b.containers[0].env)).not.toContain("secretKeyRef");
    const pw = Buffer.from(find(all, "Secret", "backend-admin").data.password, "base64").toString();
    expect(pw).toMatch(/^[A-Za-z0-9]{24}$/);
    const creds = find(all, "Secret", "cloud-secret").data;
    const accessKey = Buffer.from(creds.accessKey, "base64").toString();
    expect(Buffer.from(creds.backendApiKeys, "base64").toString()).toBe(`00000000-0000-0000-0000-0000000000aa:${accessKey}`);
    expect(find(defaults, "Secret", "cloud-secret").data.backendApiKeys).toBeUndefined();
    expect(find(render([...fixture("all-features-values.yaml"), "--set", "backend.persistence.enabled=false"]), "Deployment", "backend").spec.template.spec.volumes.find((v: { name: string }) => v.name === "data")).toEqual({ name: "data", emptyDir: {} });
    const ext = render([...fixture("all-features-values.yaml"), "--set", "backend.admin.existingSecret=mine"]);
    expect(ext.some((o) => o.kind === "Secret" && o.metadata.name === "backend-admin")).toBe(false);
    expect(find(ext, "Deployment", "backend").spec.template.spec.volumes.find((v: { name: string }) => v.name === "admin").secret.secretName).toBe("mine");
    const given = render([...fixture("all-features-values.yaml"), "--set", "backend.admin.password=correct-horse", "--set", "accessKey=0123456789abcdef"]);
    expect(Buffer.from(find(given, "Secret", "backend-admin").data.password, "base64").toString()).toBe("correct-horse");
    expect(Buffer.from(find(given, "Secret", "cloud-secret").data.accessKey, "base64").toString()).toBe("0123456789abcdef");
  });

  test("kubevuln keeps its database on a writable emptyDir at KS_VULNDB", () => {
    const kv = find(defaults, "Deployment", "kubevuln");
    expect(envOf(kv).KS_VULNDB).toBe("/var/lib/ks/vulndb.sqlite");
    expect(container(kv).volumeMounts).toContainEqual({ name: "vulndb", mountPath: "/var/lib/ks" });
    expect(kv.spec.template.spec.volumes).toContainEqual({ name: "vulndb", emptyDir: { sizeLimit: "2Gi" } });
    expect(kv.spec.template.spec.volumes.find((v: { name: string }) => v.name === "tmp").emptyDir.sizeLimit).toBe("6Gi");
  });

  test("ServiceMonitor scrapes kubescape's http port", () => {
    const sm = find(all, "ServiceMonitor", "kubescape-monitor");
    expect(sm.spec.endpoints).toEqual([{ port: "http", path: "/metrics", interval: "120s", scrapeTimeout: "100s" }]);
    expect(sm.spec.namespaceSelector).toEqual({ matchNames: ["kubescape"] });
    expect(sm.spec.selector.matchLabels).toEqual(find(all, "Service", "kubescape").spec.selector);
  });

  test("NetworkPolicies admit only each component's callers", () => {
    const np = (name: string) => find(all, "NetworkPolicy", name).spec;
    expect(np("kollector").ingress).toEqual([]);
    expect(np("ks-scheduler")).toMatchObject({ ingress: [], podSelector: { matchExpressions: [{ key: "armo.tier", operator: "In", values: ["kubescape-scan", "vuln-scan", "registry-scan"] }] } });
    expect(np("kubevuln").ingress).toEqual([{ from: [{ podSelector: { matchLabels: { "app.kubernetes.io/instance": "ks", "app.kubernetes.io/name": "operator" } } }], ports: [{ port: "vuln-scan-port", protocol: "TCP" }] }]);
    const opFrom = np("operator").ingress[0].from.map((f: { podSelector: { matchLabels: Record<string, string> } }) => f.podSelector.matchLabels);
    expect(opFrom).toEqual([{ "app.kubernetes.io/instance": "ks" }, { "armo.tier": "kubescape-scan" }, { "armo.tier": "vuln-scan" }, { "armo.tier": "registry-scan" }]);
    expect(np("gateway").ingress[0].ports).toEqual([{ port: "websocket", protocol: "TCP" }, { port: "rest-api", protocol: "TCP" }]);
    for (const o of all.filter((x) => x.kind === "NetworkPolicy")) {
      expect({ np: o.metadata.name, types: o.spec.policyTypes }).toEqual({ np: o.metadata.name, types: ["Ingress", "Egress"] });
      if (o.metadata.name !== "ks-scheduler") expect(o.spec.podSelector.matchLabels["app.kubernetes.io/name"]).toBe(o.metadata.name);
    }
    expect(np("operator").egress.some((e: { to?: { ipBlock?: { cidr: string } }[] }) => e.to?.[0]?.ipBlock?.cidr === "169.254.169.254/32")).toBe(true);
    expect(defaults.some((o) => o.kind === "NetworkPolicy")).toBe(false);
  });
});

describe("bad values are refused with a message naming the value", () => {
  test("missing account while submitting", () => {
    expect(renderError(["--set", "clusterName=c"])).toContain("at '/account': minLength: got 0, want 1");
  });
  test("missing clusterName while submitting", () => {
    expect(renderError(["--set", "account=a"])).toContain("at '/clusterName': minLength: got 0, want 1");
  });
  test("invalid cron strings", () => {
    for (const bad of ["61 8 * * *", "0 8 * *", "every day", "0 25 * * *", "@sometimes"]) {
      expect(renderError([...fixture("default-values.yaml"), "--set", `kubescapeScheduler.scanSchedule=${bad}`])).toContain(`at '/kubescapeScheduler/scanSchedule': '${bad}' does not match pattern`);
    }
    expect(renderError([...fixture("default-values.yaml"), "--set", "kubevulnScheduler.scanSchedule=0 0 32 * *"])).toContain("at '/kubevulnScheduler/scanSchedule'");
  });
  test("wrong types", () => {
    expect(renderError([...fixture("default-values.yaml"), "--set", "kubescape.submit=yes"])).toContain("at '/kubescape/submit': got string, want boolean");
    expect(renderError([...fixture("default-values.yaml"), "--set", "addRevisionLabel=1"])).toContain("at '/addRevisionLabel': got number, want boolean");
    expect(renderError([...fixture("default-values.yaml"), "--set", "kubescape.resources.limits.memory=lots"])).toContain("at '/kubescape/resources/limits/memory'");
    expect(renderError([...fixture("default-values.yaml"), "--set-json", "operator.volumes={}"])).toContain("at '/operator/volumes': got object, want array");
  });
  test("short keys and passwords the backend would refuse", () => {
    expect(renderError([...fixture("default-values.yaml"), "--set", "accessKey=short"])).toContain("at '/accessKey': 'short' does not match pattern");
    expect(renderError([...fixture("default-values.yaml"), "--set", "backend.admin.password=1234567"])).toContain("at '/backend/admin/password'");
  });
  test("unknown recurring scheduler and bad URLs", () => {
    expect(renderError([...fixture("default-values.yaml"), "--set", "operator.recurringScheduler=systemd"])).toContain("at '/operator/recurringScheduler': value must be one of 'cronjob', 'croner'");
    expect(renderError([...fixture("default-values.yaml"), "--set", "eventReceiverURL=er.example.com"])).toContain("at '/eventReceiverURL'");
  });
  test("a misspelt component key is refused; the reference's unused keys are still accepted", () => {
    expect(renderError([...fixture("default-values.yaml"), "--set", "backend.adminPassword=long-enough"])).toContain("at '/backend': additional properties 'adminPassword' not allowed");
    expect(renderError([...fixture("default-values.yaml"), "--set", "kubescape.serviceMonitor.enable=true"])).toContain("at '/kubescape/serviceMonitor': additional properties 'enable' not allowed");
    expect(ids(render([...fixture("default-values.yaml"), "--set", "kubevuln.replicaCount=1", "--set", "operator.labels.team=sec", "--set", "gateway.httpService.type=ClusterIP"]))).toEqual(ids(defaults));
  });
  test("not submitting needs neither account nor clusterName", () => {
    expect(ids(render(["--set", "kubescape.submit=false"]))).toContain("Deployment/kubescape");
  });
});
