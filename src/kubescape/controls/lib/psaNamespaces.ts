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
 *
 * As in kubescape's rule filter, once a namespaced policy webhook exists and some namespace lacks
 * the label, the webhook configurations are what the control is about: the policy webhook fails
 * (for review), the other webhook configurations pass, and namespaces are not listed.
 */
export function evaluateNamespaces(index: ResourceIndex, enforced: (ns: K8sObject) => boolean, reviewWebhook = true): { results: ResourceResult[] } {
  const webhook = externalPolicyWebhook(index);
  const namespaces = index.byKind("Namespace");
  const unlabeled = namespaces.filter((ns) => !enforced(ns));
  if (webhook && reviewWebhook && unlabeled.length > 0) {
    const configs = [...index.byKind("ValidatingWebhookConfiguration"), ...index.byKind("MutatingWebhookConfiguration")];
    const results: ResourceResult[] = configs.map((wh) =>
      wh === webhook ? { object: wh, status: "failed", paths: [], related: unlabeled } : { object: wh, status: "passed", paths: [] },
    );
    return { results };
  }
  const results: ResourceResult[] = namespaces.map((ns) =>
    enforced(ns) || webhook ? { object: ns, status: "passed", paths: [] } : { object: ns, status: "failed", paths: [] },
  );
  return { results };
}

export function enforceLevel(ns: K8sObject): string | undefined {
  return ns.metadata.labels?.[ENFORCE_LABEL];
}

export const baselineOrStricter = (ns: K8sObject): boolean => ["baseline", "restricted"].includes(enforceLevel(ns) ?? "");
export const restrictedOnly = (ns: K8sObject): boolean => enforceLevel(ns) === "restricted";
