import type { K8sObject, ResourceIndex, ResourceResult } from "../../types.ts";

/**
 * Pod Security Admission checks over Namespaces, as kubescape does them: a namespace passes when
 * its `pod-security.kubernetes.io/enforce` label is strict enough. When it is not, the namespace
 * fails, unless a third-party admission webhook with a namespaced rule exists (Kyverno,
 * Gatekeeper...): then the webhook is reported for review instead, since it may enforce the policy.
 */
export const ENFORCE_LABEL = "pod-security.kubernetes.io/enforce";

/** The first Validating/MutatingWebhookConfiguration having a rule whose scope is set and is not "Cluster". */
export function externalPolicyWebhook(index: ResourceIndex): K8sObject | undefined {
  for (const kind of ["ValidatingWebhookConfiguration", "MutatingWebhookConfiguration"]) {
    for (const wh of index.byKind(kind)) {
      const hooks = Array.isArray(wh.webhooks) ? (wh.webhooks as Array<{ rules?: unknown }>) : [];
      for (const hook of hooks) {
        const rules = Array.isArray(hook?.rules) ? (hook.rules as Array<{ scope?: unknown }>) : [];
        if (rules.some((r) => r && typeof r.scope === "string" && r.scope !== "Cluster")) return wh;
      }
    }
  }
  return undefined;
}

/**
 * `reviewWebhook`: report the webhook for review (the per-standard checks); when false a webhook
 * simply counts as a policy mechanism and every namespace passes (C-0192).
 */
export function evaluateNamespaces(index: ResourceIndex, enforced: (ns: K8sObject) => boolean, reviewWebhook = true): { results: ResourceResult[] } {
  const webhook = externalPolicyWebhook(index);
  const results: ResourceResult[] = [];
  let webhookFailed = false;
  for (const ns of index.byKind("Namespace")) {
    if (enforced(ns)) {
      results.push({ object: ns, status: "passed", paths: [] });
      continue;
    }
    if (webhook && !reviewWebhook) {
      results.push({ object: ns, status: "passed", paths: [] });
      continue;
    }
    if (webhook) {
      // The webhook is reported once for the user to review; the namespace itself is not the finding.
      if (!webhookFailed) results.push({ object: webhook, status: "failed", paths: [], related: [ns] });
      webhookFailed = true;
      results.push({ object: ns, status: "passed", paths: [] });
      continue;
    }
    results.push({ object: ns, status: "failed", paths: [] });
  }
  return { results };
}

export function enforceLevel(ns: K8sObject): string | undefined {
  return ns.metadata.labels?.[ENFORCE_LABEL];
}

export const baselineOrStricter = (ns: K8sObject): boolean => ["baseline", "restricted"].includes(enforceLevel(ns) ?? "");
export const restrictedOnly = (ns: K8sObject): boolean => enforceLevel(ns) === "restricted";
