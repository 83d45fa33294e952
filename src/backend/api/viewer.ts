import { HttpError } from "../../common/errors.ts";
import { cookieValue, SESSION_COOKIE } from "../auth/session.ts";
import type { BackendContext } from "../context.ts";

export interface Viewer {
  /** The account whose data this request reads and writes. */
  account: string;
  /** A dashboard admin session (may pick any account) rather than an account's API key. */
  admin: boolean;
  user?: string;
}

/** The signed-in admin, or null. */
export function adminSession(ctx: BackendContext, request: Request): string | null {
  const session = ctx.sessions.verify(cookieValue(request.headers.get("cookie"), SESSION_COOKIE));
  return session?.user ?? null;
}

/**
 * Who is asking: an account's API key (confined to that account) or the admin's session (any
 * account, chosen with `?account=`, default the first known). 401 otherwise.
 */
export async function resolveViewer(ctx: BackendContext, request: Request, requestedAccount?: string): Promise<Viewer> {
  const key = request.headers.get("x-api-key");
  if (key) {
    const account = await ctx.keys.accountFor(key);
    if (!account) throw new HttpError(401, "X-API-KEY not accepted");
    if (requestedAccount && requestedAccount !== account) throw new HttpError(403, "this API key cannot read another account");
    return { account, admin: false };
  }
  const user = adminSession(ctx, request);
  if (!user) throw new HttpError(401, "sign in or send X-API-KEY");
  const account = requestedAccount || (await knownAccounts(ctx))[0] || "";
  return { account, admin: true, user };
}

export async function knownAccounts(ctx: BackendContext): Promise<string[]> {
  return [...new Set([...ctx.keys.envAccounts(), ...(await ctx.store.accounts())])].sort();
}

export function requireAdmin(ctx: BackendContext, request: Request): string {
  const user = adminSession(ctx, request);
  if (!user) throw new HttpError(401, "admin sign-in required");
  return user;
}
