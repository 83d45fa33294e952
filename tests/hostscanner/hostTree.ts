import { chmodSync, chownSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

/** A prepared node filesystem for HOST_ROOT: files are real, with real modes and owners. */
export class HostTree {
  readonly root = mkdtempSync(join(tmpdir(), "ks-host-"));

  file(path: string, content: string, mode = 0o600, uid = 0, gid = 0): this {
    const p = join(this.root, path);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, content);
    chmodSync(p, mode);
    chownSync(p, uid, gid);
    return this;
  }

  dir(path: string, mode = 0o700, uid = 0, gid = 0): this {
    const p = join(this.root, path);
    mkdirSync(p, { recursive: true });
    chmodSync(p, mode);
    chownSync(p, uid, gid);
    return this;
  }

  /** A process: /proc/PID/cmdline (NUL-separated) and /proc/PID/comm, plus socket fds. */
  process(pid: number, argv: string[], socketInodes: number[] = []): this {
    this.file(`/proc/${pid}/cmdline`, `${argv.join("\0")}\0`, 0o444);
    this.file(`/proc/${pid}/comm`, `${(argv[0] ?? "").split("/").pop()}\n`, 0o444);
    socketInodes.forEach((inode, i) => {
      mkdirSync(join(this.root, `/proc/${pid}/fd`), { recursive: true });
      symlinkSync(`socket:[${inode}]`, join(this.root, `/proc/${pid}/fd/${i + 3}`));
    });
    return this;
  }

  /** A symlink, absolute or relative, as a real host has them. */
  link(path: string, target: string): this {
    const p = join(this.root, path);
    mkdirSync(dirname(p), { recursive: true });
    symlinkSync(target, p);
    return this;
  }

  remove(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}

const TCP_HEADER = "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n";
const UDP_HEADER = "   sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer drops\n";

export const KUBELET_CONFIG_INSECURE = `apiVersion: kubelet.config.k8s.io/v1beta1
kind: KubeletConfiguration
authentication:
  anonymous:
    enabled: true
authorization:
  mode: AlwaysAllow
readOnlyPort: 10255
`;

/**
 * A worker node as an attacker would like it: kubelet config world-readable (0644) with anonymous
 * auth, kubelet listening on 10250 and the read-only port, DNS on UDP 53, no AppArmor, no SELinux.
 */
export function insecureWorkerTree(): HostTree {
  return new HostTree()
    // An absolute link: it must resolve inside the host tree, not in the scanner's own filesystem.
    .file("/usr/lib/os-release", 'PRETTY_NAME="Debian GNU/Linux 13 (trixie)"\nID=debian\nVERSION_ID="13"\nVARIANT_ID=prepared-tree\n', 0o644)
    .link("/etc/os-release", "/usr/lib/os-release")
    .file("/etc/passwd", "root:x:0:0:root:/root:/bin/bash\netcd:x:1001:1001::/var/lib/etcd:/usr/sbin/nologin\n", 0o644)
    .file("/etc/group", "root:x:0:\netcd:x:1001:\n", 0o644)
    .file("/proc/sys/kernel/osrelease", "6.12.48-amd64\n", 0o444)
    .file("/proc/sys/kernel/unprivileged_userns_clone", "1\n", 0o444)
    .file("/proc/sys/kernel/random/boot_id", "c0ffee\n", 0o444)
    .process(1, ["/sbin/init"])
    .process(812, ["/usr/bin/kubelet", "--config=/var/lib/kubelet/config.yaml", "--kubeconfig=/etc/kubernetes/kubelet.conf", "--hostname-override=node-a"], [4242, 4243])
    .process(901, ["/usr/local/bin/kube-proxy", "--config=/var/lib/kube-proxy/config.conf"])
    .process(950, ["/opt/cni/bin/flanneld", "--ip-masq"])
    .file("/srv/kubelet/config.yaml", KUBELET_CONFIG_INSECURE, 0o644)
    .link("/var/lib/kubelet", "/srv/kubelet")
    .file("/etc/kubernetes/kubelet.conf", "apiVersion: v1\nkind: Config\n", 0o600)
    .file("/etc/systemd/system/kubelet.service.d/10-kubeadm.conf", "[Service]\n", 0o644)
    .file("/var/lib/kube-proxy/config.conf", "clientConnection:\n  kubeconfig: /var/lib/kube-proxy/kubeconfig.conf\n", 0o644)
    .file("/var/lib/kube-proxy/kubeconfig.conf", "apiVersion: v1\n", 0o666, 1001, 1001)
    .file("/etc/cni/net.d/10-flannel.conflist", '{"name":"cbr0","plugins":[{"type":"flannel"}]}', 0o644)
    .file(
      "/proc/net/tcp",
      `${TCP_HEADER}   0: 00000000:280A 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 4242 1 0000000000000000 100 0 0 10 0\n` +
        `   1: 00000000:283F 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 4243 1 0000000000000000 100 0 0 10 0\n` +
        `   2: 0100007F:1F90 0100007F:D431 01 00000000:00000000 00:00000000 00000000     0        0 7777 1 0000000000000000 100 0 0 10 0\n`,
      0o444,
    )
    .file("/proc/net/tcp6", `${TCP_HEADER}   0: 00000000000000000000000001000000:0016 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 5555 1 0000000000000000 100 0 0 10 0\n`, 0o444)
    .file("/proc/net/udp", `${UDP_HEADER}  1: 3500007F:0035 00000000:0000 07 00000000:00000000 00:00000000 00000000   101        0 6666 2 0000000000000000 0\n`, 0o444)
    .file("/proc/net/udp6", UDP_HEADER, 0o444);
}

/** A kubeadm control-plane node with CIS-compliant file modes and owners. */
export function controlPlaneTree(): HostTree {
  return new HostTree()
    .file("/etc/os-release", "ID=ubuntu\n", 0o644)
    .file("/etc/passwd", "root:x:0:0:root:/root:/bin/bash\netcd:x:1001:1001::/var/lib/etcd:/usr/sbin/nologin\n", 0o644)
    .file("/etc/group", "root:x:0:\netcd:x:1001:\n", 0o644)
    .process(1, ["/lib/systemd/systemd"])
    // With hostPID the node's sockets are PID 1's; /proc/net is the scanner pod's own namespace.
    .file("/proc/1/net/tcp", `${TCP_HEADER}   0: 00000000:192B 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1111 1 0000000000000000 100 0 0 10 0\n`, 0o444)
    .file("/proc/net/tcp", `${TCP_HEADER}   0: 00000000:1ED0 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 2222 1 0000000000000000 100 0 0 10 0\n`, 0o444)
    .process(100, ["kube-apiserver", "--authorization-mode=Node,RBAC", "--encryption-provider-config=/etc/kubernetes/enc/enc.yaml", "--audit-policy-file=/etc/kubernetes/audit.yaml"])
    .process(101, ["kube-controller-manager", "--kubeconfig=/etc/kubernetes/controller-manager.conf"])
    .process(102, ["kube-scheduler", "--kubeconfig=/etc/kubernetes/scheduler.conf"])
    .process(103, ["etcd", "--data-dir=/var/lib/etcd"])
    .file("/etc/kubernetes/manifests/kube-apiserver.yaml", "kind: Pod\n")
    .file("/etc/kubernetes/manifests/kube-controller-manager.yaml", "kind: Pod\n")
    .file("/etc/kubernetes/manifests/kube-scheduler.yaml", "kind: Pod\n")
    .file("/etc/kubernetes/manifests/etcd.yaml", "kind: Pod\n")
    .file("/etc/kubernetes/admin.conf", "kind: Config\n")
    .file("/etc/kubernetes/scheduler.conf", "kind: Config\n")
    .file("/etc/kubernetes/controller-manager.conf", "kind: Config\n")
    .file(
      "/etc/kubernetes/enc/enc.yaml",
      "apiVersion: apiserver.config.k8s.io/v1\nkind: EncryptionConfiguration\nresources:\n- resources: [secrets]\n  providers:\n  - aescbc:\n      keys:\n      - name: key1\n        secret: c2VjcmV0IGlzIHNlY3VyZQ==\n  - identity: {}\n",
    )
    .file("/etc/kubernetes/audit.yaml", "apiVersion: audit.k8s.io/v1\nkind: Policy\nrules:\n- level: Metadata\n")
    .dir("/etc/kubernetes/pki", 0o755)
    .file("/etc/kubernetes/pki/ca.crt", "CERT", 0o600)
    .file("/etc/kubernetes/pki/ca.key", "KEY", 0o600)
    .dir("/var/lib/etcd", 0o700, 1001, 1001);
}
