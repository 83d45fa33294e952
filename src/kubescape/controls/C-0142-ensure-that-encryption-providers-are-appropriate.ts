import { parse as parseYaml } from "yaml";
import type { ControlPlaneInfo } from "../../common/wire/hostData.ts";
import { defineControl } from "./define.ts";
import { evaluateHost } from "./lib/hostData.ts";

const STRONG_PROVIDERS = new Set(["aescbc", "aesgcm", "secretbox", "kms"]);

interface EncryptionResource {
  resources?: string[];
  providers?: Array<Record<string, unknown>>;
}

/** The provider that encrypts new Secrets: the first provider of the first entry covering secrets. */
export function secretsWriteProvider(configYaml: string): string | undefined {
  const doc = parseYaml(configYaml) as { resources?: EncryptionResource[] } | null;
  const entry = (doc?.resources ?? []).find((r) => (r.resources ?? []).some((name) => name === "secrets" || name === "*.*" || name === "*."));
  const first = entry?.providers?.[0];
  return first ? Object.keys(first)[0] : undefined;
}

/** Encryption providers (ControlPlaneInfo: the redacted EncryptionConfiguration from host-scanner). */
export const control = defineControl({
  id: "C-0142",
  description: "Checks that the API server's EncryptionConfiguration writes Secrets with a real encryption provider (aescbc, aesgcm, secretbox or kms), not identity.",
  remediation: "Put aescbc, secretbox or kms first in the providers list for secrets in the EncryptionConfiguration, then rewrite all Secrets.",
  implementation: "host",
  evaluate: (index) =>
    evaluateHost<ControlPlaneInfo>(index, "ControlPlaneInfo", (data) => {
      if (!data.APIServerInfo) return undefined;
      const file = data.APIServerInfo.encryptionProviderConfigFile;
      if (!file?.content) return [{ failedPath: "data.APIServerInfo.encryptionProviderConfigFile" }];
      let provider: string | undefined;
      try {
        provider = secretsWriteProvider(Buffer.from(file.content, "base64").toString("utf8"));
      } catch {
        return [{ reviewPath: "data.APIServerInfo.encryptionProviderConfigFile.content" }];
      }
      return provider && STRONG_PROVIDERS.has(provider) ? [] : [{ failedPath: "data.APIServerInfo.encryptionProviderConfigFile.content" }];
    }),
});
