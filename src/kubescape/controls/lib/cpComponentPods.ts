import type { FixPath, K8sObject, ResourceIndex, ResourceResult, RulePaths } from "../../types.ts";

/**
 * Control-plane components run as static Pods (kube-apiserver, kube-controller-manager,
 * kube-scheduler, etcd). Kubescape recognises them by a single container whose first command
 * word ends with the binary name; flags are read from command and args together (kubeadm puts
 * them in command, RKE2/k3s in args).
 */
export type Component = "kube-apiserver" | "kube-controller-manager" | "kube-scheduler" | "etcd";

export interface Container {
  name?: string;
  command?: unknown;
  args?: unknown;
  [key: string]: unknown;
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
}

export function podContainers(pod: K8sObject): Container[] {
  const spec = pod.spec as { containers?: unknown } | undefined;
  return Array.isArray(spec?.containers) ? (spec.containers as Container[]) : [];
}

/** True when the Pod is the given component (etcd is matched in any namespace, as kubescape does). */
export function isComponentPod(pod: K8sObject, component: Component): boolean {
  if (pod.kind !== "Pod" || pod.apiVersion !== "v1") return false;
  if (component !== "etcd" && pod.metadata.namespace !== "kube-system") return false;
  const containers = podContainers(pod);
  if (containers.length !== 1) return false;
  const first = strings(containers[0]!.command)[0];
  if (first === undefined) return false;
  return (first.split(" ")[0] ?? "").endsWith(component);
}

export function componentPods(index: ResourceIndex, component: Component): K8sObject[] {
  return index.byKind("Pod").filter((p) => isComponentPod(p, component));
}

/** The first container's command followed by its args, with the path of each entry. */
export class FlagList {
  readonly command: string[];
  readonly args: string[];
  readonly all: string[];
  constructor(readonly container: Container) {
    this.command = strings(container.command);
    this.args = strings(container.args);
    this.all = [...this.command, ...this.args];
  }
  static of(pod: K8sObject): FlagList {
    return new FlagList(podContainers(pod)[0] ?? {});
  }
  /** Path of entry i of the combined list. */
  path(i: number): string {
    return i < this.command.length ? `spec.containers[0].command[${i}]` : `spec.containers[0].args[${i - this.command.length}]`;
  }
  /** Where the k-th missing flag should be appended (args when the container uses args). */
  appendPath(k = 0): string {
    return this.args.length > 0 ? `spec.containers[0].args[${this.args.length + k}]` : `spec.containers[0].command[${this.command.length + k}]`;
  }
  /** The whole list joined by spaces (kubescape's "contains" tests run over this). */
  joined(): string {
    return this.all.join(" ");
  }
  /** Index and value of `--name=value` (first occurrence), or undefined. */
  find(name: string): { index: number; value: string } | undefined {
    const prefix = `${name}=`;
    for (let i = 0; i < this.all.length; i++) {
      const entry = this.all[i]!;
      for (const word of entry.split(" ")) {
        if (word.startsWith(prefix)) return { index: i, value: word.slice(prefix.length) };
      }
    }
    return undefined;
  }
  /** True when the flag name appears anywhere (with or without a value). */
  mentions(name: string): boolean {
    return this.joined().includes(name);
  }
}

/** One result per component Pod: failed with the paths `check` returns, passed when it returns none. */
export function evaluateComponent(
  index: ResourceIndex,
  component: Component,
  check: (flags: FlagList, pod: K8sObject) => RulePaths[] | null,
): { results: ResourceResult[] } {
  const results: ResourceResult[] = [];
  for (const pod of componentPods(index, component)) {
    const paths = check(FlagList.of(pod), pod);
    results.push(paths ? { object: pod, status: "failed", paths } : { object: pod, status: "passed", paths: [] });
  }
  return { results };
}

/** A failed flag entry: failed and review path with a fix at the same place. */
export function wrongFlag(path: string, value: string): RulePaths[] {
  return [{ failedPath: path, reviewPath: path }, { fixPath: { path, value } }];
}

/** A missing flag: only fixes, one per flag. */
export function missingFlags(fixes: FixPath[]): RulePaths[] {
  return fixes.map((fixPath) => ({ fixPath }));
}
