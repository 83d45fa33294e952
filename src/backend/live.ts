/** Live updates for dashboards: events fan out to subscribers of the event's account. */
export interface LiveEvent {
  type: "posture" | "container" | "job" | "inventory" | "schedule" | "registry";
  account: string;
  cluster?: string;
  id?: string;
}

type Subscriber = { account: string | null; send: (text: string) => void };

export class LiveHub {
  private readonly subscribers = new Set<Subscriber>();

  /** account null = an admin session: sees every account's events. */
  subscribe(account: string | null, send: (text: string) => void): () => void {
    const s = { account, send };
    this.subscribers.add(s);
    return () => this.subscribers.delete(s);
  }

  publish(event: LiveEvent): void {
    const text = JSON.stringify({ ...event, at: Date.now() });
    for (const s of this.subscribers) {
      if (s.account !== null && s.account !== event.account) continue;
      try {
        s.send(text);
      } catch {
        this.subscribers.delete(s);
      }
    }
  }

  get size(): number {
    return this.subscribers.size;
  }
}
