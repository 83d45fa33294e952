import { defineControl } from "./define.ts";
import { evaluateRbac } from "./lib/rbac.ts";

/** Subjects that can get, list or watch secrets. */
export const control = defineControl({
  id: "C-0015",
  description: "Lists subjects whose roles allow get, list or watch on secrets, which exposes every credential in their scope.",
  remediation: "Restrict secret read access to the service accounts that need it, by resourceNames where possible.",
  evaluate: (index) =>
    evaluateRbac(index, [{ verbs: ["get", "list", "watch", "*"], apiGroups: ["", "*"], resources: ["secrets", "*"] }], { withReview: true }),
});
