/** The three kinds of recurring scan the operator manages (wire spec §1.5). */
export type RecurringKind = "kubescape" | "vuln" | "registry";
export type RecurringVerb = "set" | "update" | "delete";

export interface RecurringKindInfo {
  kind: RecurringKind;
  /** Template ConfigMap (key `cronjobTemplate`) the chart renders. */
  templateConfigMap: string;
  /** `armo.tier` label value. */
  tier: string;
  /** vuln and registry refuse a set without a schedule. */
  scheduleRequired: boolean;
}

export const RECURRING_KINDS: Record<RecurringKind, RecurringKindInfo> = {
  kubescape: { kind: "kubescape", templateConfigMap: "kubescape-cronjob-template", tier: "kubescape-scan", scheduleRequired: false },
  vuln: { kind: "vuln", templateConfigMap: "kubevuln-cronjob-template", tier: "vuln-scan", scheduleRequired: true },
  registry: { kind: "registry", templateConfigMap: "registry-scan-cronjob-template", tier: "registry-scan", scheduleRequired: true },
};

export const TEMPLATE_KEY = "cronjobTemplate";
export const REQUEST_BODY_KEY = "request-body.json";
export const REQUEST_BODY_VOLUME = "request-body-volume";
export const TIER_LABEL = "armo.tier";

const COMMANDS: Record<string, { verb: RecurringVerb; kind: RecurringKind }> = {
  setKubescapeCronJob: { verb: "set", kind: "kubescape" },
  updateKubescapeCronJob: { verb: "update", kind: "kubescape" },
  deleteKubescapeCronJob: { verb: "delete", kind: "kubescape" },
  setVulnScanCronJob: { verb: "set", kind: "vuln" },
  updateVulnScanCronJob: { verb: "update", kind: "vuln" },
  deleteVulnScanCronJob: { verb: "delete", kind: "vuln" },
  setRegistryScanCronJob: { verb: "set", kind: "registry" },
  updateRegistryScanCronJob: { verb: "update", kind: "registry" },
  deleteRegistryScanCronJob: { verb: "delete", kind: "registry" },
};

/** `setVulnScanCronJob` → {verb: "set", kind: "vuln"}; undefined for other commands. */
export function recurringCommand(commandName: string): { verb: RecurringVerb; kind: RecurringKind } | undefined {
  return COMMANDS[commandName];
}
