import { defineControl } from "./define.ts";
import { evaluatePsps, removable } from "./lib/pspAllOrNothing.ts";

function deniesRoot(runAsUser: unknown): boolean {
  const r = runAsUser as { rule?: string; ranges?: Array<{ min?: number }> } | undefined;
  if (r?.rule === "MustRunAsNonRoot") return true;
  return r?.rule === "MustRunAs" && Array.isArray(r.ranges) && r.ranges.some((x) => typeof x?.min === "number" && x.min > 0);
}

/** CIS (AKS) 4.2.x: PodSecurityPolicies that admit root containers; they fail only when every PSP does. */
export const control = defineControl({
  id: "C-0218",
  description: "When every PodSecurityPolicy admits root containers, nothing in the cluster can prevent them.",
  remediation: "Use runAsUser rule MustRunAsNonRoot (or MustRunAs with a minimum above 0) in at least one PodSecurityPolicy.",
  evaluate: (index) => evaluatePsps(index, (s) => !deniesRoot(s.runAsUser), removable("spec.runAsUser.rule")),
});
