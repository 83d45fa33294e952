import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { parse as parseYaml } from "yaml";
import { serve, type RunningService } from "../../src/common/http/service.ts";
import { silentLogger } from "../../src/common/log.ts";
import { ControlPlaneInfoSchema, KubeletInfoSchema, OpenPortsListSchema } from "../../src/common/wire/hostData.ts";
import { createHostScannerApp } from "../../src/hostscanner/server.ts";
import { decodeProcAddress } from "../../src/hostscanner/sensors/openPorts.ts";
import { controlPlaneTree, type HostTree, insecureWorkerTree, KUBELET_CONFIG_INSECURE } from "./hostTree.ts";

const trees: HostTree[] = [];
const services: RunningService[] = [];
let fakeMetadata: ReturnType<typeof Bun.serve>;

function start(hostRoot: string, metadataUrl = "http://127.0.0.1:9/"): RunningService {
  const { app, health } = createHostScannerApp({ hostRoot, logger: silentLogger, metadataUrl, metadataTimeoutMs: 500 });
  const svc = serve(app, health, silentLogger, { port: 0, hostname: "127.0.0.1", handleSignals: false });
  health.setReady();
  services.push(svc);
  return svc;
}

let worker: RunningService;
let master: RunningService;
let self: RunningService;

beforeAll(() => {
  const w = insecureWorkerTree();
  const m = controlPlaneTree();
  trees.push(w, m);
  // A cloud instance-metadata API cannot run here: this local server stands in for 169.254.169.254.
  fakeMetadata = Bun.serve({ port: 0, hostname: "127.0.0.1", fetch: () => new Response("ami-id\ninstance-id\n") });
  worker = start(w.root, `http://127.0.0.1:${fakeMetadata.port}/latest/meta-data/`);
  master = start(m.root);
  self = start("/");
});
afterAll(async () => {
  for (const s of services) await s.stop();
  fakeMetadata.stop(true);
  for (const t of trees) t.remove();
});

const get = (svc: RunningService, path: string) => fetch(`${svc.url}${path}`);

describe("host-scanner on a prepared insecure worker node", () => {
  test("healthz and mixed-case paths", async () => {
    expect(await (await get(worker, "/healthz")).json()).toEqual({ alive: true });
    expect((await get(worker, "/ReadyZ")).status).toBe(200);
    const a = await (await get(worker, "/kubeletInfo")).json();
    const b = await (await get(worker, "/KUBELETINFO")).json();
    expect(a).toEqual(b);
    expect((await get(worker, "/osRelease")).status).toBe(200);
    expect((await get(worker, "/LinuxKernelVariables")).status).toBe(200);
  });

  test("kubelet info: world-readable config with its content, kubeconfig, service files (config dir is an absolute symlink)", async () => {
    const info = KubeletInfoSchema.parse(await (await get(worker, "/kubeletinfo")).json());
    expect(info.cmdLine).toContain("/usr/bin/kubelet --config=/var/lib/kubelet/config.yaml");
    expect(info.configFile?.path).toBe("/var/lib/kubelet/config.yaml");
    expect(info.configFile?.permissions).toBe(0o644);
    expect(info.configFile?.ownership).toEqual({ uid: 0, gid: 0, username: "root", groupname: "root" });
    expect(Buffer.from(info.configFile!.content!, "base64").toString()).toBe(KUBELET_CONFIG_INSECURE);
    expect(info.kubeConfigFile?.permissions).toBe(0o600);
    expect(info.serviceFiles?.map((f) => f.path)).toEqual(["/etc/systemd/system/kubelet.service.d/10-kubeadm.conf"]);
  });

  test("open ports: listening TCP (v4+v6) and UDP with owning process; established sockets left out", async () => {
    const ports = OpenPortsListSchema.parse(await (await get(worker, "/openedports")).json());
    expect(ports.tcpPorts.map((p) => [p.LocalAddress, p.LocalPort, p.PID, p.Name])).toEqual([
      ["0.0.0.0", 10250, 812, "kubelet"],
      ["0.0.0.0", 10303, 812, "kubelet"],
      ["::1", 22, 0, ""],
    ]);
    expect(ports.udpPorts.map((p) => [p.LocalAddress, p.LocalPort])).toEqual([["127.0.0.53", 53]]);
  });

  test("missing AppArmor and SELinux", async () => {
    expect(await (await get(worker, "/linuxSecurityHardening")).json()).toEqual({ appArmor: "unloaded", seLinux: "not found" });
  });

  test("os-release and kernel version as text; kernel variables recursive", async () => {
    expect(await (await get(worker, "/osrelease")).text()).toContain("VARIANT_ID=prepared-tree");
    expect(await (await get(worker, "/kernelversion")).text()).toBe("6.12.48-amd64");
    const vars = (await (await get(worker, "/linuxkernelvariables")).json()) as Array<{ key: string; value: string; source: string }>;
    expect(vars.find((v) => v.key === "unprivileged_userns_clone")).toEqual({ key: "unprivileged_userns_clone", value: "1\n", source: "/proc/sys/kernel/unprivileged_userns_clone" });
    expect(vars.some((v) => v.source === "/proc/sys/kernel/random/boot_id")).toBe(true);
  });

  test("kube-proxy kubeconfig from its config file; CNI files and names", async () => {
    const proxy = await (await get(worker, "/kubeProxyInfo")).json();
    expect(proxy.kubeConfigFile).toMatchObject({ path: "/var/lib/kube-proxy/kubeconfig.conf", permissions: 0o666, ownership: { uid: 1001, username: "etcd" } });
    const cni = await (await get(worker, "/CNIInfo")).json();
    expect(cni.CNINames).toEqual(["Flannel"]);
    expect(cni.CNIConfigFiles).toEqual([{ path: "/etc/cni/net.d/10-flannel.conflist", permissions: 0o644, ownership: { uid: 0, gid: 0, username: "root", groupname: "root" } }]);
  });

  test("not a control-plane node → 404 JSON", async () => {
    const res = await get(worker, "/controlplaneinfo");
    expect(res.status).toBe(404);
    expect((await res.json()).message).toBe("not a control plane node");
  });

  test("cloud provider metadata reachable (fake metadata server, see beforeAll)", async () => {
    expect(await (await get(worker, "/cloudproviderinfo")).json()).toEqual({ providerMetaDataAPIAccess: true });
  });

  test("unknown path → 404 naming it", async () => {
    const res = await get(worker, "/kubeletConfigurations");
    expect(res.status).toBe(404);
    expect((await res.json()).message).toContain("/kubeletconfigurations");
  });
});

describe("host-scanner on a prepared control-plane node", () => {
  test("control plane info with redacted encryption config, audit policy, PKI and etcd data dir", async () => {
    const cp = ControlPlaneInfoSchema.parse(await (await get(master, "/controlPlaneInfo")).json());
    expect(cp.APIServerInfo?.cmdLine).toContain("--authorization-mode=Node,RBAC");
    expect(cp.APIServerInfo?.specsFile?.permissions).toBe(0o600);
    const enc = Buffer.from(cp.APIServerInfo!.encryptionProviderConfigFile!.content!, "base64").toString();
    expect(enc).not.toContain("c2VjcmV0IGlzIHNlY3VyZQ==");
    expect(parseYaml(enc).resources[0].providers[0].aescbc.keys[0]).toEqual({ name: "key1", secret: "<REDACTED>" });
    expect(cp.controllerManagerInfo?.configFile?.path).toBe("/etc/kubernetes/controller-manager.conf");
    expect(cp.etcdDataDir).toMatchObject({ path: "/var/lib/etcd", permissions: 0o700, ownership: { username: "etcd", groupname: "etcd" } });
    expect(cp.PKIFiles?.map((f) => f.path)).toEqual(["/etc/kubernetes/pki/ca.crt", "/etc/kubernetes/pki/ca.key"]);
    expect(cp.PKIDir?.permissions).toBe(0o755);
  });

  test("open ports come from the node's network namespace (PID 1), not the scanner pod's", async () => {
    const ports = OpenPortsListSchema.parse(await (await get(master, "/openedports")).json());
    expect(ports.tcpPorts.map((p) => p.LocalPort)).toEqual([6443]);
  });

  test("no kubelet → /kubeletinfo 404; metadata API unreachable → false", async () => {
    expect((await get(master, "/kubeletinfo")).status).toBe(404);
    expect(await (await get(master, "/cloudproviderinfo")).json()).toEqual({ providerMetaDataAPIAccess: false });
  });
});

describe("host-scanner on this machine (HOST_ROOT=/)", () => {
  test("real os-release, kernel, and listening sockets include the scanner's own port", async () => {
    expect(await (await get(self, "/osrelease")).text()).toMatch(/^ID=/m);
    expect(await (await get(self, "/kernelversion")).text()).toMatch(/^\d+\.\d+/);
    const ports = OpenPortsListSchema.parse(await (await get(self, "/openedports")).json());
    expect(ports.tcpPorts.some((p) => p.LocalPort === self.port && p.PID === process.pid)).toBe(true);
    const hardening = await (await get(self, "/linuxsecurityhardening")).json();
    expect(["enabled", "stopped", "unloaded"]).toContain(hardening.appArmor);
  });
});

describe("address decoding", () => {
  test("IPv4 and IPv6 /proc/net hex", () => {
    expect(decodeProcAddress("0100007F")).toBe("127.0.0.1");
    expect(decodeProcAddress("00000000000000000000000000000000")).toBe("::");
    expect(decodeProcAddress("B80D0120000000000000000001000000")).toBe("2001:db8::1");
  });
});
