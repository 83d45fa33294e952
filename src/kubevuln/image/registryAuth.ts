import { z } from "zod";
import { ImageSourceError } from "./limits.ts";
import { sameRegistry } from "./reference.ts";

/** One entry of the request's credentialsList (wire spec §2.2). */
export const RegistryCredentialSchema = z
  .object({
    username: z.string().optional().default(""),
    password: z.string().optional().default(""),
    serveraddress: z.string().optional().default(""),
    auth: z.string().optional().default(""),
    registrytoken: z.string().optional().default(""),
  })
  .loose();
export type RegistryCredential = z.infer<typeof RegistryCredentialSchema>;

export type RegistryAuth = { kind: "anonymous" } | { kind: "basic"; username: string; password: string } | { kind: "token"; token: string };

/** Picks the credential for a registry: `registrytoken`, then `auth` (base64 user:pass), then username+password. */
export function authFor(registry: string, list: readonly RegistryCredential[] | undefined): RegistryAuth {
  const entries = (list ?? []).filter((c) => !c.serveraddress || sameRegistry(c.serveraddress, registry));
  const entry = entries.find((c) => c.serveraddress) ?? entries[0];
  if (!entry) return { kind: "anonymous" };
  if (entry.registrytoken) return { kind: "token", token: entry.registrytoken };
  if (entry.auth) {
    const decoded = Buffer.from(entry.auth, "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    if (colon > 0) return { kind: "basic", username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
  }
  if (entry.username) return { kind: "basic", username: entry.username, password: entry.password };
  return { kind: "anonymous" };
}

export interface Challenge {
  scheme: "basic" | "bearer";
  params: Record<string, string>;
}

/** `Bearer realm="…",service="…",scope="…"` → scheme and parameters. */
export function parseChallenge(header: string | null): Challenge | undefined {
  if (!header) return undefined;
  const m = /^\s*(\w+)\s*(.*)$/.exec(header);
  if (!m) return undefined;
  const scheme = m[1]!.toLowerCase();
  if (scheme !== "basic" && scheme !== "bearer") return undefined;
  const params: Record<string, string> = {};
  for (const p of m[2]!.matchAll(/(\w+)\s*=\s*(?:"([^"]*)"|([^,\s]*))/g)) params[p[1]!.toLowerCase()] = p[2] ?? p[3] ?? "";
  return { scheme, params };
}

export function basicHeader(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`).toString("base64")}`;
}

const TokenAnswer = z.object({ token: z.string().optional(), access_token: z.string().optional() }).loose();

/** Fetches a bearer token from the challenge's realm (distribution token spec). */
export async function fetchBearerToken(challenge: Challenge, scope: string, auth: RegistryAuth, init: { signal?: AbortSignal; tls?: unknown }): Promise<string> {
  const realm = challenge.params.realm;
  if (!realm) throw new ImageSourceError("registry asked for a bearer token without a realm");
  const url = new URL(realm);
  if (challenge.params.service) url.searchParams.set("service", challenge.params.service);
  url.searchParams.set("scope", challenge.params.scope || scope);
  const headers: Record<string, string> = {};
  if (auth.kind === "basic") headers.authorization = basicHeader(auth.username, auth.password);
  const res = await fetch(url, { headers, signal: init.signal, ...(init.tls ? { tls: init.tls } : {}) } as RequestInit);
  if (!res.ok) throw new ImageSourceError(`token service ${url.origin} answered ${res.status}`, res.status === 401 || res.status === 403 ? 401 : 502);
  const body = TokenAnswer.safeParse(await res.json().catch(() => undefined));
  const token = body.success ? (body.data.token ?? body.data.access_token) : undefined;
  if (!token) throw new ImageSourceError(`token service ${url.origin} returned no token`);
  return token;
}
