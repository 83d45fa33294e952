import { readFileSync, writeFileSync } from "node:fs";
import { errorMessage } from "../common/errors.ts";
import { FlagError, type HttpRequestFlags, parseFlags, requestUrl } from "./flags.ts";

const HELP = `ks http-request: one HTTP request, as the recurring-scan CronJobs send it

usage: ks http-request -method=POST -scheme=http -host=operator:4002 -path=v1/triggerAction \\
         -headers="Content-Type:application/json" -path-body=/home/ks/request-body.json

flags (single or double dash; -name=value or -name value):
  -method           POST, GET, DELETE, PUT, PATCH, HEAD (required)
  -scheme           http (default) or https
  -host             host[:port] (required)
  -path             URL path
  -headers          "k:v;k2:v2"
  -path-body        file whose bytes are the request body
  -path-output      write the response body to this file (default: stdout)
  -skip-ssl-verify  accept any TLS certificate
  -attempts         tries on connection errors, 1..20 (default 5; 1 s, 2 s, 4 s ... apart)

exit: 0 on a 2xx reply, 1 on any other reply or when the server stays unreachable, 2 on bad flags.`;

async function send(flags: HttpRequestFlags, body: Uint8Array | undefined): Promise<Response> {
  let lastError: unknown;
  for (let attempt = 1; attempt <= flags.attempts; attempt++) {
    try {
      return await fetch(requestUrl(flags), {
        method: flags.method,
        headers: flags.headers,
        body: body as BodyInit | undefined,
        signal: AbortSignal.timeout(60_000),
        tls: flags.skipSslVerify ? { rejectUnauthorized: false } : undefined,
      } as RequestInit);
    } catch (err) {
      lastError = err;
      if (attempt < flags.attempts) {
        const delay = Math.min(8000, 1000 * 2 ** (attempt - 1));
        console.error(`http-request: ${requestUrl(flags)}: ${errorMessage(err)}; retrying in ${delay} ms`);
        await Bun.sleep(delay);
      }
    }
  }
  throw new Error(`${requestUrl(flags)} unreachable after ${flags.attempts} attempts: ${errorMessage(lastError)}`);
}

export async function run(argv: string[]): Promise<number> {
  if (argv.includes("--help") || argv.includes("-help") || argv.includes("-h")) {
    console.log(HELP);
    return 0;
  }
  let flags: HttpRequestFlags;
  let body: Uint8Array | undefined;
  try {
    flags = parseFlags(argv);
    body = flags.pathBody ? readFileSync(flags.pathBody) : undefined;
  } catch (err) {
    console.error(`http-request: ${errorMessage(err)}`);
    return err instanceof FlagError ? 2 : 1;
  }
  let res: Response;
  try {
    res = await send(flags, body);
  } catch (err) {
    console.error(`http-request: ${errorMessage(err)}`);
    return 1;
  }
  const text = await res.text();
  if (flags.pathOutput) writeFileSync(flags.pathOutput, text);
  else if (text !== "") console.log(text);
  if (res.status < 200 || res.status > 299) {
    console.error(`http-request: ${flags.method} ${requestUrl(flags)} answered ${res.status}`);
    return 1;
  }
  console.error(`http-request: ${flags.method} ${requestUrl(flags)} answered ${res.status}`);
  return 0;
}
