import type { ResourceResult } from "../types.ts";
import { defineControl } from "./define.ts";

/** CIS (EKS) 5.5.1: a review control: every Role is listed so its users can be checked against IAM Authenticator mapping. */
export const control = defineControl({
  id: "C-0232",
  description: "Lists Roles for review: RBAC users on EKS should be managed through AWS IAM Authenticator.",
  remediation: "Map RBAC users and groups through AWS IAM Authenticator (aws-auth / access entries).",
  evaluate: (index) => {
    const results: ResourceResult[] = index.byKind("Role").map((r) => ({ object: r, status: "failed", paths: [] }));
    return { results };
  },
});
