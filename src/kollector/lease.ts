import type { KubeConfig } from "../common/kube.ts";
import type { Logger } from "../common/log.ts";

export interface LeaseOptions {
  kc: KubeConfig;
  namespace: string;
  name: string;
  identity: string;
  durationSeconds: number;
  logger: Logger;
  onChange: (leader: boolean) => void;
}

interface Lease {
  metadata: { name: string; namespace: string; resourceVersion?: string };
  spec: { holderIdentity?: string; leaseDurationSeconds?: number; acquireTime?: string; renewTime?: string; leaseTransitions?: number };
}

/** RFC 3339 with microseconds: the apiserver's MicroTime format. */
export function microTime(d: Date): string {
  return d.toISOString().replace(/\.(\d{3})Z$/, ".$1000Z");
}

/** Pure: may `identity` take or keep the lease now? */
export function canHold(lease: Lease | undefined, identity: string, now: number): boolean {
  if (!lease?.spec.holderIdentity || lease.spec.holderIdentity === identity) return true;
  const renew = Date.parse(lease.spec.renewTime ?? lease.spec.acquireTime ?? "");
  if (Number.isNaN(renew)) return true;
  return now > renew + (lease.spec.leaseDurationSeconds ?? 15) * 1000;
}

/**
 * A coordination.k8s.io Lease so only one kollector reports a cluster: whoever holds an unexpired
 * lease is the leader and renews it every third of its duration; the others try again as often.
 * Conflicting writes (409) mean someone else won the race.
 */
export class LeaseElector {
  private leader = false;
  private timer?: ReturnType<typeof setTimeout>;
  private stopped = false;

  constructor(private readonly options: LeaseOptions) {}

  get isLeader(): boolean {
    return this.leader;
  }

  private get path(): string {
    return `/apis/coordination.k8s.io/v1/namespaces/${encodeURIComponent(this.options.namespace)}/leases`;
  }

  start(): void {
    void this.tick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    if (this.leader) {
      // Hand over at once: clear the holder so a standby does not wait for expiry.
      await this.write((l) => ({ ...l, spec: { ...l.spec, holderIdentity: undefined, renewTime: undefined } })).catch(() => {});
      this.set(false);
    }
  }

  private set(leader: boolean): void {
    if (leader === this.leader) return;
    this.leader = leader;
    this.options.logger.info({ identity: this.options.identity, leader }, leader ? "became leader" : "not the leader");
    this.options.onChange(leader);
  }

  private async tick(): Promise<void> {
    try {
      this.set(await this.tryAcquire());
    } catch (err) {
      this.options.logger.warn({ err: (err as Error).message }, "lease update failed");
      // Cannot prove we hold it: step down rather than risk two reporters.
      this.set(false);
    }
    if (!this.stopped) this.timer = setTimeout(() => void this.tick(), (this.options.durationSeconds * 1000) / 3);
  }

  private async get(): Promise<Lease | undefined> {
    const res = await this.options.kc.fetch(`${this.path}/${encodeURIComponent(this.options.name)}`);
    if (res.status === 404) return undefined;
    if (!res.ok) throw new Error(`get lease answered ${res.status}`);
    return (await res.json()) as Lease;
  }

  private async write(update: (l: Lease) => Lease): Promise<boolean> {
    const current = await this.get();
    if (!current) return false;
    const res = await this.options.kc.fetch(`${this.path}/${encodeURIComponent(this.options.name)}`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(update(current)),
    });
    if (res.status === 409) return false;
    if (!res.ok) throw new Error(`update lease answered ${res.status}`);
    return true;
  }

  private async tryAcquire(): Promise<boolean> {
    const { identity, durationSeconds, name, namespace } = this.options;
    const now = new Date();
    const lease = await this.get();
    if (!lease) {
      const body: Lease = { metadata: { name, namespace }, spec: { holderIdentity: identity, leaseDurationSeconds: durationSeconds, acquireTime: microTime(now), renewTime: microTime(now), leaseTransitions: 0 } };
      const res = await this.options.kc.fetch(this.path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ apiVersion: "coordination.k8s.io/v1", kind: "Lease", ...body }) });
      if (res.status === 409) return false;
      if (!res.ok) throw new Error(`create lease answered ${res.status}: ${(await res.text()).slice(0, 200)}`);
      return true;
    }
    if (!canHold(lease, identity, now.getTime())) return false;
    const taking = lease.spec.holderIdentity !== identity;
    const res = await this.options.kc.fetch(`${this.path}/${encodeURIComponent(name)}`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        ...lease,
        spec: {
          ...lease.spec,
          holderIdentity: identity,
          leaseDurationSeconds: durationSeconds,
          renewTime: microTime(now),
          ...(taking ? { acquireTime: microTime(now), leaseTransitions: (lease.spec.leaseTransitions ?? 0) + 1 } : {}),
        },
      }),
    });
    if (res.status === 409) return false;
    if (!res.ok) throw new Error(`renew lease answered ${res.status}`);
    return true;
  }
}
