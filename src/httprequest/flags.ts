/**
 * The reference http-request flags, parsed like Go's `flag` package: `-name=value`,
 * `-name value`, `--name=value`; booleans may stand alone (`-skip-ssl-verify`).
 */

export interface HttpRequestFlags {
  method: string;
  scheme: string;
  host: string;
  path: string;
  headers: Record<string, string>;
  pathBody?: string;
  pathOutput?: string;
  skipSslVerify: boolean;
  attempts: number;
}

export class FlagError extends Error {}

const STRING_FLAGS = new Set(["method", "scheme", "host", "path", "headers", "path-body", "path-output", "attempts"]);
const BOOL_FLAGS = new Set(["skip-ssl-verify"]);

/** Go's strconv.Unquote for the common case: a value wrapped in double or back quotes. */
function unquote(value: string): string {
  if (value.length >= 2 && ((value.startsWith('"') && value.endsWith('"')) || (value.startsWith("`") && value.endsWith("`")))) {
    const inner = value.slice(1, -1);
    if (value.startsWith("`")) return inner;
    try {
      return JSON.parse(value) as string;
    } catch {
      return inner;
    }
  }
  return value;
}

/** `k:v;k2:v2` → headers (the value may itself contain `:`). */
export function parseHeaders(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of unquote(text).split(";")) {
    if (part.trim() === "") continue;
    const colon = part.indexOf(":");
    if (colon <= 0) throw new FlagError(`-headers: "${part}" is not key:value`);
    out[part.slice(0, colon).trim()] = part.slice(colon + 1).trim();
  }
  return out;
}

export function parseFlags(argv: readonly string[]): HttpRequestFlags {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith("-") || arg === "-" || arg === "--") throw new FlagError(`unexpected argument "${arg}"`);
    const body = arg.replace(/^--?/, "");
    const eq = body.indexOf("=");
    const name = eq >= 0 ? body.slice(0, eq) : body;
    if (BOOL_FLAGS.has(name)) {
      const v = eq >= 0 ? body.slice(eq + 1).toLowerCase() : "true";
      if (!["true", "false", "1", "0", "t", "f"].includes(v)) throw new FlagError(`-${name}: invalid boolean "${v}"`);
      values.set(name, ["true", "1", "t"].includes(v) ? "true" : "false");
      continue;
    }
    if (!STRING_FLAGS.has(name)) throw new FlagError(`flag provided but not defined: -${name}`);
    if (eq >= 0) values.set(name, body.slice(eq + 1));
    else {
      const next = argv[++i];
      if (next === undefined) throw new FlagError(`flag needs an argument: -${name}`);
      values.set(name, next);
    }
  }
  const method = unquote(values.get("method") ?? "").toUpperCase();
  if (!["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD"].includes(method)) throw new FlagError(`-method: expected POST, GET, DELETE, PUT, PATCH or HEAD, got "${values.get("method") ?? ""}"`);
  const host = unquote(values.get("host") ?? "");
  if (host === "") throw new FlagError("-host is required");
  const scheme = unquote(values.get("scheme") ?? "http").toLowerCase();
  if (scheme !== "http" && scheme !== "https") throw new FlagError(`-scheme: expected http or https, got "${scheme}"`);
  const attempts = Number(values.get("attempts") ?? "5");
  if (!Number.isInteger(attempts) || attempts < 1 || attempts > 20) throw new FlagError(`-attempts: expected 1..20`);
  return {
    method,
    scheme,
    host,
    path: unquote(values.get("path") ?? ""),
    headers: values.has("headers") ? parseHeaders(values.get("headers")!) : {},
    pathBody: values.has("path-body") ? unquote(values.get("path-body")!) : undefined,
    pathOutput: values.has("path-output") ? unquote(values.get("path-output")!) : undefined,
    skipSslVerify: values.get("skip-ssl-verify") === "true",
    attempts,
  };
}

export function requestUrl(flags: HttpRequestFlags): string {
  return `${flags.scheme}://${flags.host}/${flags.path.replace(/^\/+/, "")}`;
}
