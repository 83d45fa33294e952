import { defineControl } from "./define.ts";
import { evaluateImageVulnerabilities, exposedExternally } from "./lib/imageVulns.ts";

/** Workloads with RCE vulnerabilities exposed to external traffic: with image-scan results (ImageVulnerabilities objects) in the snapshot, a Pod exposed by a NodePort/LoadBalancer Service whose image has a remote-code-execution vulnerability fails; without them it is skipped. */
export const control = defineControl({
  id: "C-0084",
  description: "Flags workloads exposed to external traffic whose images have remote code execution vulnerabilities.",
  remediation: "Update the vulnerable images or stop exposing the workload externally.",
  implementation: "image",
  evaluate: (index) => evaluateImageVulnerabilities(index, (vulns, pod) => vulns.some((v) => v.categories?.isRce === true) && exposedExternally(index, pod)),
  skipReason: "needs image vulnerability scan results (ImageVulnerabilities objects), none in this scan",
});
