import { defineControl } from "./define.ts";
import { evaluateImageVulnerabilities } from "./lib/imageVulns.ts";
import { inputList } from "../engine/defaultInputs.ts";

/** Workloads with excessive amount of vulnerabilities: with image-scan results (ImageVulnerabilities objects) in the snapshot, a Pod whose image has more Critical/High vulnerabilities than max_critical_vulnerabilities/max_high_vulnerabilities fails; without them it is skipped. */
export const control = defineControl({
  id: "C-0085",
  description: "Flags workloads whose images exceed the allowed number of critical or high vulnerabilities.",
  remediation: "Update the images so critical/high vulnerabilities stay below max_critical_vulnerabilities/max_high_vulnerabilities.",
  implementation: "image",
  evaluate: (index, inputs) =>
    evaluateImageVulnerabilities(index, (vulns) => {
      const critical = vulns.filter((v) => v.severity === "Critical").length;
      const high = vulns.filter((v) => v.severity === "High").length;
      // Fails when any configured maximum is exceeded (kubescape reads every listed value).
      return inputList(inputs, "max_critical_vulnerabilities").some((m) => critical > Number(m)) || inputList(inputs, "max_high_vulnerabilities").some((m) => high > Number(m));
    }),
  skipReason: "needs image vulnerability scan results (ImageVulnerabilities objects), none in this scan",
});
