import { parse as parseYaml } from "yaml";
import type { ControlPlaneInfo } from "../../common/wire/hostData.ts";
import type { RulePaths } from "../types.ts";
import { defineControl } from "./define.ts";
import { evaluateHost } from "./lib/hostData.ts";

interface AuditRule {
  level?: string;
  resources?: Array<{ group?: string; resources?: string[] }>;
  users?: unknown[];
  userGroups?: unknown[];
  verbs?: unknown[];
  namespaces?: unknown[];
  nonResourceURLs?: unknown[];
}

const LEVEL_ORDER = ["None", "Metadata", "Request", "RequestResponse"];

/**
 * The level the first rule covering `resource` (core group, all users/verbs) gives it, the way
 * the API server walks rules in order. Rules narrowed to some users, verbs or namespaces do not
 * cover the resource for everyone, so they are passed over.
 */
export function levelFor(rules: AuditRule[], resource: string): string {
  for (const rule of rules) {
    if (rule.users?.length || rule.userGroups?.length || rule.verbs?.length || rule.namespaces?.length || rule.nonResourceURLs?.length) continue;
    const groups = rule.resources;
    const matches = !groups || groups.length === 0 || groups.some((g) => (g.group ?? "") === "" && (!g.resources || g.resources.length === 0 || g.resources.includes(resource) || g.resources.includes(`${resource.split("/")[0]}/*`)));
    if (matches) return rule.level ?? "None";
  }
  return "None";
}

/** CIS: sensitive payloads logged at Metadata only; exec/attach/proxy access logged at all. */
const MUST_BE_METADATA = ["secrets", "configmaps", "tokenreviews"];
const MUST_BE_LOGGED = ["pods/exec", "pods/portforward", "pods/proxy", "services/proxy"];

export function auditPolicyGaps(policyYaml: string): string[] {
  const doc = parseYaml(policyYaml) as { rules?: AuditRule[] } | null;
  const rules = doc?.rules ?? [];
  const gaps: string[] = [];
  for (const r of MUST_BE_METADATA) if (levelFor(rules, r) !== "Metadata") gaps.push(`${r} should be logged at Metadata (got ${levelFor(rules, r)})`);
  for (const r of MUST_BE_LOGGED) if (LEVEL_ORDER.indexOf(levelFor(rules, r)) < 1) gaps.push(`${r} is not logged`);
  return gaps;
}

/** Audit policy coverage (ControlPlaneInfo: the --audit-policy-file read by host-scanner). */
export const control = defineControl({
  id: "C-0161",
  description: "Checks that the API server audit policy logs Secrets, ConfigMaps and TokenReviews at Metadata level (not their content) and records exec, port-forward and proxy access.",
  remediation: "Add audit policy rules: Metadata for secrets, configmaps and tokenreviews; at least Metadata for pods/exec, pods/portforward, pods/proxy and services/proxy.",
  implementation: "host",
  evaluate: (index) =>
    evaluateHost<ControlPlaneInfo>(index, "ControlPlaneInfo", (data) => {
      if (!data.APIServerInfo) return undefined;
      const file = data.APIServerInfo.auditPolicyFile;
      if (!file?.content) return [{ failedPath: "data.APIServerInfo.auditPolicyFile" }];
      let gaps: string[];
      try {
        gaps = auditPolicyGaps(Buffer.from(file.content, "base64").toString("utf8"));
      } catch {
        return [{ reviewPath: "data.APIServerInfo.auditPolicyFile.content" }];
      }
      return gaps.map((gap): RulePaths => ({ failedPath: "data.APIServerInfo.auditPolicyFile.content", reviewPath: gap }));
    }),
});
