import { parseArgs } from "node:util";
import { parsePlatform, type Platform } from "../image/manifest.ts";
import type { RegistryCredential } from "../image/registryAuth.ts";
import type { ImageInput } from "../sbomBuilder.ts";

export const INPUT_HELP = `inputs (exactly one):
  REF                          image in a registry, e.g. nginx:1.25 or 127.0.0.1:5000/app@sha256:...
  --oci-dir DIR[:TAG]          an OCI image layout folder (skopeo/umoci)
  --archive FILE [--tag T]     a \`docker save\` archive
  --rootfs DIR                 a plain root folder (links are resolved inside it)

registry options:
  --platform OS/ARCH[/VARIANT] platform to pick from a multi-arch image (default linux/<this machine>)
  --username U --password P    basic credentials (or KS_REGISTRY_USERNAME / KS_REGISTRY_PASSWORD)
  --registry-token T           a bearer token for the registry (or KS_REGISTRY_TOKEN)
  --plain-http                 talk HTTP instead of HTTPS
  --insecure-skip-tls-verify   accept any TLS certificate

limits:
  --max-image-size BYTES       compressed size limit (default 5 GiB)
  --timeout SECONDS            time limit for reading the image (default 300)`;

export const INPUT_OPTIONS = {
  "oci-dir": { type: "string" },
  archive: { type: "string" },
  tag: { type: "string" },
  rootfs: { type: "string" },
  platform: { type: "string" },
  username: { type: "string" },
  password: { type: "string" },
  "registry-token": { type: "string" },
  "plain-http": { type: "boolean" },
  "insecure-skip-tls-verify": { type: "boolean" },
  "max-image-size": { type: "string" },
  timeout: { type: "string" },
  format: { type: "string", short: "f" },
  output: { type: "string", short: "o" },
  help: { type: "boolean", short: "h" },
} as const;

export class UsageError extends Error {}

export interface ParsedInput {
  input: ImageInput;
  platform?: Platform;
  limits: { maxImageBytes?: number; timeoutMs?: number };
}

type Values = ReturnType<typeof parseArgs<{ options: typeof INPUT_OPTIONS; allowPositionals: true }>>["values"];

export function inputFrom(values: Values, positionals: string[], env: Record<string, string | undefined> = process.env): ParsedInput {
  const chosen = [positionals.length > 0, !!values["oci-dir"], !!values.archive, !!values.rootfs].filter(Boolean).length;
  if (chosen !== 1 || positionals.length > 1) throw new UsageError("name exactly one input: REF, --oci-dir, --archive or --rootfs");
  let input: ImageInput;
  if (values["oci-dir"]) input = { kind: "oci-dir", path: values["oci-dir"] };
  else if (values.archive) input = { kind: "archive", path: values.archive, ...(values.tag ? { tag: values.tag } : {}) };
  else if (values.rootfs) input = { kind: "rootfs", path: values.rootfs };
  else {
    const credentials: RegistryCredential[] = [];
    const username = values.username ?? env.KS_REGISTRY_USERNAME;
    const password = values.password ?? env.KS_REGISTRY_PASSWORD ?? "";
    const token = values["registry-token"] ?? env.KS_REGISTRY_TOKEN;
    if (token) credentials.push({ username: "", password: "", serveraddress: "", auth: "", registrytoken: token });
    else if (username) credentials.push({ username, password, serveraddress: "", auth: "", registrytoken: "" });
    input = { kind: "registry", reference: positionals[0]!, registry: { useHTTP: !!values["plain-http"], skipTLSVerify: !!values["insecure-skip-tls-verify"], credentials } };
  }
  const limits: ParsedInput["limits"] = {};
  if (values["max-image-size"]) {
    const n = Number(values["max-image-size"]);
    if (!Number.isFinite(n) || n <= 0) throw new UsageError("--max-image-size must be a positive number of bytes");
    limits.maxImageBytes = n;
  }
  if (values.timeout) {
    const n = Number(values.timeout);
    if (!Number.isFinite(n) || n <= 0) throw new UsageError("--timeout must be a positive number of seconds");
    limits.timeoutMs = n * 1000;
  }
  return { input, platform: values.platform ? parsePlatform(values.platform) : undefined, limits };
}

/** Writes to --output (atomically enough: whole text at once) or stdout. */
export async function emit(text: string, output: string | undefined): Promise<void> {
  if (output) await Bun.write(output, text.endsWith("\n") ? text : `${text}\n`);
  else process.stdout.write(text.endsWith("\n") ? text : `${text}\n`);
}

export function documentContext() {
  return { timestamp: new Date().toISOString(), uuid: crypto.randomUUID() };
}
