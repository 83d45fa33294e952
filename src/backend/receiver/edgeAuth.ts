import { HttpError } from "../../common/errors.ts";
import type { ApiKeyResolver } from "../auth/apiKeys.ts";

/**
 * Authenticates a cluster component by `X-API-KEY` and returns its account. Any account the
 * caller names (customerGUID in the query or body) must be that same account.
 */
export async function authenticateEdge(keys: ApiKeyResolver, request: Request, ...claimed: Array<string | undefined>): Promise<string> {
  const key = request.headers.get("x-api-key");
  if (!key) throw new HttpError(401, "X-API-KEY header required");
  const account = await keys.accountFor(key);
  if (!account) throw new HttpError(401, "X-API-KEY not accepted");
  for (const c of claimed) {
    if (c && c !== account) throw new HttpError(403, "customerGUID does not belong to this API key");
  }
  return account;
}
