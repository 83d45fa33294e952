/** Failed sign-ins per client address: after `max` failures in `windowMs`, further tries wait. */
export class LoginLimiter {
  private readonly failures = new Map<string, { count: number; resetAt: number }>();

  constructor(
    private readonly max = 10,
    private readonly windowMs = 5 * 60_000,
  ) {}

  /** Milliseconds until this client may try again (0 = now). */
  retryAfter(client: string, now = Date.now()): number {
    const f = this.failures.get(client);
    if (!f || f.resetAt <= now) return 0;
    return f.count >= this.max ? f.resetAt - now : 0;
  }

  fail(client: string, now = Date.now()): void {
    const f = this.failures.get(client);
    if (!f || f.resetAt <= now) this.failures.set(client, { count: 1, resetAt: now + this.windowMs });
    else f.count++;
    // Bounded memory: forget expired entries when the map grows.
    if (this.failures.size > 10_000) for (const [k, v] of this.failures) if (v.resetAt <= now) this.failures.delete(k);
  }

  succeed(client: string): void {
    this.failures.delete(client);
  }
}
