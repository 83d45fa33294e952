import type { ResourceResult } from "../types.ts";
import { defineControl } from "./define.ts";

function metricsBindAddress(config: string): string | undefined {
  const m = /^\s*metricsBindAddress\s*:\s*["']?([^"'\s#]*)["']?/m.exec(config);
  return m ? m[1] : undefined;
}

function isLoopback(address: string): boolean {
  const host = address.startsWith("[") ? address.slice(1, address.indexOf("]")) : address.includes(":") && address.split(":").length === 2 ? address.split(":")[0]! : address;
  return host === "127.0.0.1" || host === "localhost" || host === "::1" || host.startsWith("127.");
}

/**
 * CIS 4.3.1 (v1.12): the kube-proxy ConfigMap (kube-system) must bind metrics to a loopback
 * address. An unset or empty metricsBindAddress keeps kube-proxy's default, 127.0.0.1:10249.
 */
export const control = defineControl({
  id: "C-0291",
  description: "kube-proxy metrics bound to a non-loopback address expose cluster internals to the network.",
  remediation: "Set metricsBindAddress: 127.0.0.1:10249 in the kube-proxy configuration.",
  evaluate: (index) => {
    const results: ResourceResult[] = [];
    for (const cm of index.byKind("ConfigMap")) {
      if (cm.metadata.namespace !== "kube-system" || cm.metadata.name !== "kube-proxy") continue;
      const data = (cm.data ?? {}) as Record<string, unknown>;
      const key = Object.keys(data).find((k) => typeof data[k] === "string" && metricsBindAddress(data[k] as string) !== undefined);
      const address = key ? metricsBindAddress(data[key] as string)! : "";
      if (address === "" || isLoopback(address)) results.push({ object: cm, status: "passed", paths: [] });
      else results.push({ object: cm, status: "failed", paths: [{ failedPath: `data.${key}`, reviewPath: `data.${key}` }] });
    }
    return { results };
  },
});
