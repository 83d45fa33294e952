import { timingSafeEqual } from "node:crypto";
import { readFileSync } from "node:fs";
import { ConfigError } from "../../common/errors.ts";

export interface AdminCredentials {
  user: string;
  password: string;
}

type Env = Record<string, string | undefined>;

/**
 * The dashboard admin from `ADMIN_USER`/`ADMIN_PASSWORD`, or `ADMIN_USER_FILE`/`ADMIN_PASSWORD_FILE`
 * (a mounted Secret). There is no default password: without one the login stays disabled.
 */
export function loadAdminCredentials(env: Env): AdminCredentials | null {
  const fromFile = (name: string) => {
    const path = env[`${name}_FILE`];
    if (!path) return undefined;
    try {
      return readFileSync(path, "utf8").trim();
    } catch (err) {
      throw new ConfigError(`${name}_FILE: cannot read ${path}: ${(err as Error).message}`);
    }
  };
  const user = env.ADMIN_USER || fromFile("ADMIN_USER") || "admin";
  const password = env.ADMIN_PASSWORD || fromFile("ADMIN_PASSWORD");
  if (!password) return null;
  if (password.length < 8) throw new ConfigError("ADMIN_PASSWORD must be at least 8 characters");
  return { user, password };
}

const digest = (s: string) => new Bun.CryptoHasher("sha256").update(s).digest();

/** Constant-time check of a login attempt. */
export function checkAdmin(creds: AdminCredentials, user: string, password: string): boolean {
  const userOk = timingSafeEqual(digest(creds.user), digest(user));
  const passOk = timingSafeEqual(digest(creds.password), digest(password));
  return userOk && passOk;
}
