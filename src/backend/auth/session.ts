import { createHmac, timingSafeEqual } from "node:crypto";

export const SESSION_COOKIE = "ks_session";

export interface Session {
  user: string;
  expires: number;
}

/**
 * Stateless signed session tokens: `base64url(json).base64url(hmac)`. The secret comes from
 * `SESSION_SECRET` or is random per process (a restart then logs everyone out).
 */
export class SessionSigner {
  constructor(
    private readonly secret: string,
    readonly ttlMs = 12 * 3_600_000,
  ) {}

  private sign(payload: string): string {
    return createHmac("sha256", this.secret).update(payload).digest("base64url");
  }

  issue(user: string, now = Date.now()): string {
    const payload = Buffer.from(JSON.stringify({ user, expires: now + this.ttlMs } satisfies Session)).toString("base64url");
    return `${payload}.${this.sign(payload)}`;
  }

  verify(token: string | undefined, now = Date.now()): Session | null {
    if (!token) return null;
    const [payload, sig] = token.split(".");
    if (!payload || !sig) return null;
    const expected = Buffer.from(this.sign(payload));
    const given = Buffer.from(sig);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
    try {
      const s = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as Session;
      return typeof s.user === "string" && typeof s.expires === "number" && s.expires > now ? s : null;
    } catch {
      return null;
    }
  }
}

/** The Set-Cookie value: HttpOnly, SameSite=Strict, Secure when served over https. */
export function sessionCookie(token: string, secure: boolean, maxAgeSeconds: number): string {
  return `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAgeSeconds}${secure ? "; Secure" : ""}`;
}

export function cookieValue(header: string | null, name: string): string | undefined {
  for (const part of (header ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** True when the client reached us over https (directly or through a proxy that says so). */
export function isHttps(request: Request): boolean {
  return new URL(request.url).protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";
}
