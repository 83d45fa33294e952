import { describe, expect, test } from "bun:test";
import type { Control, K8sObject, RulePaths } from "../../../src/kubescape/types.ts";
import { loadControlsInRange } from "./lib/objectFixtures.ts";
import { obj, run } from "./lib/objectFixtures.ts";

const CIPHERS = [
  "TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256",
  "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA",
  "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305", "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
  "TLS_ECDHE_RSA_WITH_3DES_EDE_CBC_SHA", "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
  "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305",
  "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256", "TLS_RSA_WITH_3DES_EDE_CBC_SHA", "TLS_RSA_WITH_AES_128_CBC_SHA",
  "TLS_RSA_WITH_AES_128_GCM_SHA256", "TLS_RSA_WITH_AES_256_CBC_SHA", "TLS_RSA_WITH_AES_256_GCM_SHA384",
];

/** A hardened kube-apiserver command: every API server control in this range passes on it. */
const GOOD_API = [
  "kube-apiserver",
  "--anonymous-auth=false",
  "--kubelet-client-certificate=/pki/kc.crt",
  "--kubelet-client-key=/pki/kc.key",
  "--kubelet-certificate-authority=/pki/ca.crt",
  "--authorization-mode=Node,RBAC",
  "--enable-admission-plugins=NodeRestriction,EventRateLimit,AlwaysPullImages,SecurityContextDeny",
  "--profiling=false",
  "--audit-log-path=/var/log/audit.log",
  "--audit-log-maxage=30",
  "--audit-log-maxbackup=10",
  "--audit-log-maxsize=100",
  "--service-account-key-file=/pki/sa.pub",
  "--etcd-certfile=/pki/etcd.crt",
  "--etcd-keyfile=/pki/etcd.key",
  "--tls-cert-file=/pki/api.crt",
  "--tls-private-key-file=/pki/api.key",
  "--client-ca-file=/pki/ca.crt",
  "--etcd-cafile=/pki/etcd-ca.crt",
  `--tls-cipher-suites=${CIPHERS.join(",")}`,
];

const GOOD_CM = [
  "kube-controller-manager",
  "--profiling=false",
  "--use-service-account-credentials=true",
  "--service-account-private-key-file=/pki/sa.key",
  "--root-ca-file=/pki/ca.crt",
  "--feature-gates=RotateKubeletServerCertificate=true",
  "--terminated-pod-gc-threshold=10",
];

function staticPod(name: string, command: string[], args?: string[]): K8sObject {
  return obj("v1", "Pod", name, "kube-system", { spec: { containers: [{ name, image: `registry.k8s.io/${name}:v1.30.0`, command, ...(args ? { args } : {}) }] } });
}

const byId = await loadControlsInRange("C-0113", "C-0149");
function control(id: string): Control {
  const c = byId.get(id);
  if (!c) throw new Error(`${id} missing`);
  return c;
}

const without = (cmd: string[], prefix: string) => cmd.filter((e) => !e.startsWith(prefix));
const replaced = (cmd: string[], prefix: string, entry: string) => cmd.map((e) => (e.startsWith(prefix) ? entry : e));

interface Case {
  id: string;
  /** a command that must fail, and the paths expected */
  bad: string[];
  paths: RulePaths[];
  /** controller manager instead of API server */
  cm?: boolean;
}

const N = GOOD_API.length;
const M = GOOD_CM.length;
const idx = (cmd: string[], prefix: string) => cmd.findIndex((e) => e.startsWith(prefix));
const failedFix = (path: string, value: string): RulePaths[] => [{ failedPath: path, reviewPath: path }, { fixPath: { path, value } }];
const c = (i: number) => `spec.containers[0].command[${i}]`;

const CASES: Case[] = [
  { id: "C-0113", bad: replaced(GOOD_API, "--anonymous-auth", "--anonymous-auth=true"), paths: failedFix(c(1), "--anonymous-auth=false") },
  { id: "C-0114", bad: [...GOOD_API, "--token-auth-file=/tokens.csv"], paths: [{ failedPath: c(N), reviewPath: c(N) }] },
  {
    id: "C-0115",
    bad: replaced(GOOD_API, "--enable-admission-plugins", "--enable-admission-plugins=NodeRestriction,DenyServiceExternalIPs"),
    paths: failedFix(c(6), "--enable-admission-plugins=NodeRestriction"),
  },
  {
    id: "C-0116",
    bad: without(without(GOOD_API, "--kubelet-client-certificate"), "--kubelet-client-key"),
    paths: [
      { fixPath: { path: c(N - 2), value: "--kubelet-client-certificate=<path/to/appropriate/file>" } },
      { fixPath: { path: c(N - 1), value: "--kubelet-client-key=<path/to/appropriate/file>" } },
    ],
  },
  { id: "C-0117", bad: without(GOOD_API, "--kubelet-certificate-authority"), paths: [{ fixPath: { path: c(N - 1), value: "--kubelet-certificate-authority=<path/to/ca.crt>" } }] },
  { id: "C-0118", bad: replaced(GOOD_API, "--authorization-mode", "--authorization-mode=AlwaysAllow"), paths: failedFix(c(5), "--authorization-mode=RBAC") },
  { id: "C-0119", bad: replaced(GOOD_API, "--authorization-mode", "--authorization-mode=RBAC"), paths: failedFix(c(5), "--authorization-mode=RBAC,Node") },
  { id: "C-0120", bad: without(GOOD_API, "--authorization-mode"), paths: [{ fixPath: { path: c(N - 1), value: "--authorization-mode=RBAC" } }] },
  {
    id: "C-0121",
    bad: replaced(GOOD_API, "--enable-admission-plugins", "--enable-admission-plugins=NodeRestriction"),
    paths: failedFix(c(6), "--enable-admission-plugins=NodeRestriction,EventRateLimit"),
  },
  {
    id: "C-0122",
    bad: replaced(GOOD_API, "--enable-admission-plugins", "--enable-admission-plugins=AlwaysAdmit"),
    paths: [{ failedPath: c(6), reviewPath: c(6) }],
  },
  { id: "C-0123", bad: without(GOOD_API, "--enable-admission-plugins"), paths: [{ fixPath: { path: c(N - 1), value: "--enable-admission-plugins=AlwaysPullImages" } }] },
  {
    id: "C-0124",
    bad: replaced(GOOD_API, "--enable-admission-plugins", "--enable-admission-plugins=NodeRestriction"),
    paths: failedFix(c(6), "--enable-admission-plugins=NodeRestriction,SecurityContextDeny"),
  },
  { id: "C-0125", bad: [...GOOD_API, "--disable-admission-plugins=ServiceAccount,Foo"], paths: failedFix(c(N), "--disable-admission-plugins=Foo") },
  { id: "C-0126", bad: [...GOOD_API, "--disable-admission-plugins=NamespaceLifecycle"], paths: [{ failedPath: c(N), reviewPath: c(N) }] },
  {
    id: "C-0127",
    bad: replaced(GOOD_API, "--enable-admission-plugins", "--enable-admission-plugins=EventRateLimit"),
    paths: failedFix(c(6), "--enable-admission-plugins=EventRateLimit,NodeRestriction"),
  },
  { id: "C-0128", bad: [...GOOD_API, "--secure-port=0"], paths: [{ failedPath: c(N), reviewPath: c(N) }] },
  { id: "C-0129", bad: without(GOOD_API, "--profiling"), paths: [{ fixPath: { path: c(N - 1), value: "--profiling=false" } }] },
  { id: "C-0130", bad: without(GOOD_API, "--audit-log-path"), paths: [{ fixPath: { path: c(N - 1), value: "--audit-log-path=/var/log/apiserver/audit.log" } }] },
  { id: "C-0131", bad: replaced(GOOD_API, "--audit-log-maxage", "--audit-log-maxage=7"), paths: failedFix(c(idx(GOOD_API, "--audit-log-maxage")), "--audit-log-maxage=30") },
  { id: "C-0132", bad: without(GOOD_API, "--audit-log-maxbackup"), paths: [{ fixPath: { path: c(N - 1), value: "--audit-log-maxbackup=10" } }] },
  { id: "C-0133", bad: replaced(GOOD_API, "--audit-log-maxsize", "--audit-log-maxsize=50"), paths: failedFix(c(idx(GOOD_API, "--audit-log-maxsize")), "--audit-log-maxsize=100") },
  { id: "C-0134", bad: [...GOOD_API, "--request-timeout=300s"], paths: [{ failedPath: c(N), reviewPath: c(N) }] },
  { id: "C-0135", bad: [...GOOD_API, "--service-account-lookup=false"], paths: [{ failedPath: c(N), reviewPath: c(N) }] },
  { id: "C-0135", bad: [...GOOD_API, "--allow-privileged=true --service-account-lookup=false"], paths: failedFix(c(N), "--allow-privileged=true --service-account-lookup=true") },
  { id: "C-0136", bad: without(GOOD_API, "--service-account-key-file"), paths: [{ fixPath: { path: c(N - 1), value: "--service-account-key-file=<path/to/key.pub>" } }] },
  { id: "C-0137", bad: without(GOOD_API, "--etcd-keyfile"), paths: [{ fixPath: { path: c(N - 1), value: "--etcd-keyfile=<path/to/client-key-file.key>" } }] },
  { id: "C-0138", bad: without(GOOD_API, "--tls-cert-file"), paths: [{ fixPath: { path: c(N - 1), value: "--tls-cert-file=<path/to/tls-certificate-file.crt>" } }] },
  { id: "C-0139", bad: without(GOOD_API, "--client-ca-file"), paths: [{ fixPath: { path: c(N - 1), value: "--client-ca-file=<path/to/client-ca.crt>" } }] },
  { id: "C-0140", bad: without(GOOD_API, "--etcd-cafile"), paths: [{ fixPath: { path: c(N - 1), value: "--etcd-cafile=<path/to/ca-file.crt>" } }] },
  {
    id: "C-0143",
    bad: replaced(GOOD_API, "--tls-cipher-suites", `--tls-cipher-suites=${CIPHERS.slice(1).join(",")}`),
    paths: failedFix(c(N - 1), `--tls-cipher-suites=${[...CIPHERS.slice(1), CIPHERS[0]].join(",")}`),
  },
  { id: "C-0144", cm: true, bad: without(GOOD_CM, "--terminated-pod-gc-threshold"), paths: failedFix(c(M - 1), "--terminated-pod-gc-threshold=YOUR_VALUE") },
  { id: "C-0145", cm: true, bad: replaced(GOOD_CM, "--profiling", "--profiling=true"), paths: failedFix(c(1), "--profiling=false") },
  { id: "C-0146", cm: true, bad: without(GOOD_CM, "--use-service-account-credentials"), paths: [{ fixPath: { path: c(M - 1), value: "--use-service-account-credentials=true" } }] },
  {
    id: "C-0147",
    cm: true,
    bad: without(GOOD_CM, "--service-account-private-key-file"),
    paths: [{ fixPath: { path: c(M - 1), value: "--service-account-private-key-file=<path/to/key/filename.key>" } }],
  },
  { id: "C-0148", cm: true, bad: without(GOOD_CM, "--root-ca-file"), paths: [{ fixPath: { path: c(M - 1), value: "--root-ca-file=<path/to/key/ca.crt>" } }] },
  {
    id: "C-0149",
    cm: true,
    bad: replaced(GOOD_CM, "--feature-gates", "--feature-gates=Foo=true,RotateKubeletServerCertificate=false"),
    paths: failedFix(c(5), "--feature-gates=Foo=true,RotateKubeletServerCertificate=true"),
  },
];

describe("control-plane flag controls C-0113..C-0149", () => {
  for (const k of CASES) {
    test(`${k.id}: fails the bad command with kubescape's paths, passes the hardened one`, () => {
      const name = k.cm ? "kube-controller-manager" : "kube-apiserver";
      const good = k.cm ? GOOD_CM : GOOD_API;
      const bad = run(control(k.id), [staticPod(name, k.bad)]).get(`Pod/${name}`);
      expect(bad?.status).toBe("failed");
      expect(bad?.paths).toEqual(k.paths);
      const ok = run(control(k.id), [staticPod(name, good)]).get(`Pod/${name}`);
      // C-0144 always asks for a review of the threshold it finds
      if (k.id === "C-0144") expect(ok?.paths).toEqual([{ failedPath: c(M - 1), reviewPath: c(M - 1) }]);
      else expect(ok?.status).toBe("passed");
    });
  }

  test("only the control-plane component's static pod is evaluated (not other pods, not other namespaces)", () => {
    const other = obj("v1", "Pod", "web", "apps", { spec: { containers: [{ name: "web", image: "nginx", command: ["nginx"] }] } });
    const elsewhere = obj("v1", "Pod", "kube-apiserver", "default", { spec: { containers: [{ name: "a", image: "x", command: ["kube-apiserver"] }] } });
    const r = run(control("C-0113"), [other, elsewhere]);
    expect(r.size).toBe(0);
  });

  test("flags passed in args (RKE2/k3s style) are found and fixes are appended to args", () => {
    const pod = staticPod("kube-apiserver", ["kube-apiserver"], ["--anonymous-auth=true", "--profiling=false"]);
    expect(run(control("C-0113"), [pod]).get("Pod/kube-apiserver")?.paths).toEqual(failedFix("spec.containers[0].args[0]", "--anonymous-auth=false"));
    const pod2 = staticPod("kube-apiserver", ["kube-apiserver"], ["--profiling=false"]);
    expect(run(control("C-0136"), [pod2]).get("Pod/kube-apiserver")?.paths).toEqual([
      { fixPath: { path: "spec.containers[0].args[1]", value: "--service-account-key-file=<path/to/key.pub>" } },
    ]);
  });
});
