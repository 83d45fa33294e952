import { defineControl } from "./define.ts";
import type { RulePaths } from "../types.ts";
import { evaluateWorkloads, inputOr } from "./lib/workload.ts";

/** Host paths holding cloud credentials, per provider (kubescape's list). */
const UNSAFE: Record<string, readonly string[]> = {
  eks: ["/.aws/", "/.aws/config/", "/.aws/credentials/"],
  aks: ["/etc/", "/etc/kubernetes/", "/etc/kubernetes/azure.json", "/.azure/", "/.azure/credentials/"],
  gke: ["/.config/gcloud/", "/.config/", "/gcloud/", "/.config/gcloud/application_default_credentials.json", "/gcloud/application_default_credentials.json"],
};

/** Directories get a trailing "/" so "/etc" and "/etc/" compare equal; file names (with a dot) stay as they are. */
function normalize(path: string): string {
  if (/[\w-]+\./.test(path) || path.endsWith("/")) return path;
  return `${path}/`;
}

/**
 * Workloads mounting a host path where the cloud provider keeps node credentials. The provider
 * comes from the `cloudProvider` input (eks, aks, gke); without it every provider's list applies.
 */
export const control = defineControl({
  id: "C-0020",
  description: "Fails workloads with a hostPath volume pointing at a cloud credentials location (e.g. /.aws/credentials, /etc/kubernetes/azure.json, gcloud config).",
  remediation: "Do not mount cloud credential directories into pods; use workload identity (IRSA, Workload Identity, AAD pod identity).",
  evaluate: (index, inputs) => {
    const provider = inputOr(inputs, "cloudProvider", [])[0]?.toLowerCase();
    const unsafe = new Set(provider && UNSAFE[provider] ? UNSAFE[provider] : Object.values(UNSAFE).flat());
    return evaluateWorkloads(index, (t) => {
      const volumes = t.spec.volumes;
      if (!Array.isArray(volumes)) return [];
      const out: RulePaths[] = [];
      volumes.forEach((v, i) => {
        const p = v?.hostPath?.path;
        if (typeof p !== "string" || !unsafe.has(normalize(p))) return;
        const path = `${t.path}.volumes[${i}].hostPath.path`;
        out.push({ failedPath: path, deletePath: path });
      });
      return out;
    });
  },
});
