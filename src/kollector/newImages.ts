import type { Logger } from "../common/log.ts";
import type { KubeObject } from "./watcher.ts";

type Obj = Record<string, any>;

export interface ScanNotification {
  target: { customerGUID: string; clusterName: string; clusterComponent: "InClusterTriggerHandler"; dest: "trigger" };
  notification: { commands: Array<{ commandName: "scan"; wlid: string }> };
}

export interface NewImageTriggerOptions {
  account: string;
  clusterName: string;
  logger: Logger;
  send: (n: ScanNotification) => void;
}

export function imagesOf(pod: KubeObject): string[] {
  const spec = (pod as Obj).spec ?? {};
  return [...(spec.initContainers ?? []), ...(spec.containers ?? []), ...(spec.ephemeralContainers ?? [])].map((c: Obj) => String(c.image ?? "")).filter(Boolean);
}

/** Kubescape workload id: `wlid://cluster-<c>/namespace-<ns>/<Kind>-<name>`. */
export function wlidFor(cluster: string, namespace: string, kind: string, name: string): string {
  return `wlid://cluster-${cluster}/namespace-${namespace}/${kind}-${name}`;
}

/**
 * Asks for an image scan when a running pod uses an image the cluster had not run before: one
 * `scan` command for the pod's top-level workload, at most once per image. Images present at
 * start-up are known already (the first full scan covers them).
 */
export class NewImageTrigger {
  private readonly seen = new Set<string>();
  private readonly requested = new Set<string>();
  sent = 0;

  constructor(private readonly options: NewImageTriggerOptions) {}

  /** Images of pods that existed before kollector started are not new. */
  seed(pod: KubeObject): void {
    for (const image of imagesOf(pod)) this.seen.add(image);
  }

  /** Called for every pod change after start-up; owner = the pod's top-level workload. */
  onPod(pod: KubeObject, owner: { kind: string; name: string }): void {
    if ((pod as Obj).status?.phase !== "Running") return;
    const fresh = imagesOf(pod).filter((i) => !this.seen.has(i));
    if (fresh.length === 0) return;
    for (const image of fresh) this.seen.add(image);
    const wlid = wlidFor(this.options.clusterName, pod.metadata.namespace ?? "", owner.kind, owner.name);
    // The same workload may start several new images at once: one scan covers them all.
    const key = `${wlid}|${fresh.join(",")}`;
    if (this.requested.has(key)) return;
    this.requested.add(key);
    this.sent++;
    this.options.logger.info({ wlid, images: fresh }, "new image: requesting a scan");
    this.options.send({
      target: { customerGUID: this.options.account, clusterName: this.options.clusterName, clusterComponent: "InClusterTriggerHandler", dest: "trigger" },
      notification: { commands: [{ commandName: "scan", wlid }] },
    });
  }
}
