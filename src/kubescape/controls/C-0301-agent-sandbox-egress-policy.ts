import type { K8sObject } from "../types.ts";
import { defineControl } from "./define.ts";
import { evaluateSandboxTemplates } from "./lib/sandboxTemplates.ts";

function selectorNonEmpty(sel: unknown): boolean {
  const s = sel as { matchLabels?: unknown; matchExpressions?: unknown } | null;
  if (!s || typeof s !== "object") return false;
  return (!!s.matchLabels && typeof s.matchLabels === "object" && Object.keys(s.matchLabels).length > 0) || (Array.isArray(s.matchExpressions) && s.matchExpressions.length > 0);
}

function peerScoped(peer: unknown): boolean {
  const p = (peer ?? {}) as { ipBlock?: { cidr?: unknown }; podSelector?: unknown; namespaceSelector?: unknown };
  const cidr = p.ipBlock && typeof p.ipBlock === "object" ? p.ipBlock.cidr : undefined;
  if (typeof cidr === "string" && cidr !== "" && cidr !== "0.0.0.0/0" && cidr !== "::/0") return true;
  return selectorNonEmpty(p.podSelector) || selectorNonEmpty(p.namespaceSelector);
}

function ruleScoped(rule: unknown): boolean {
  const to = (rule as { to?: unknown } | null)?.to;
  return Array.isArray(to) && to.length > 0 && to.every(peerScoped);
}

/**
 * Agent sandboxes must enforce an egress policy: networkPolicyManagement Managed (the default) with
 * a custom networkPolicy whose egress rules each name scoped destinations (no 0.0.0.0/0, no empty selectors).
 */
export const control = defineControl({
  id: "C-0301",
  description: "Without a scoped egress policy an agent sandbox can reach the public internet and exfiltrate data.",
  remediation: "Keep networkPolicyManagement Managed and define spec.networkPolicy egress rules with specific destinations.",
  evaluate: (index) =>
    evaluateSandboxTemplates(index, (t: K8sObject) => {
      const spec = (t.spec ?? {}) as { networkPolicyManagement?: unknown; networkPolicy?: unknown };
      const mgmt = spec.networkPolicyManagement ?? "Managed";
      if (mgmt !== "Managed") return [{ failedPath: "spec.networkPolicyManagement" }];
      const np = spec.networkPolicy;
      if (np === undefined || np === null || typeof np !== "object" || Array.isArray(np)) return [{ failedPath: "spec.networkPolicy" }];
      const egress = (np as { egress?: unknown }).egress;
      if (egress === undefined || egress === null) return null;
      if (!Array.isArray(egress)) return [{ failedPath: "spec.networkPolicy.egress" }];
      return egress.every(ruleScoped) ? null : [{ failedPath: "spec.networkPolicy.egress" }];
    }),
});
