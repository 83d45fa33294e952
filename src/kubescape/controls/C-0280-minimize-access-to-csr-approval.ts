import { defineControl } from "./define.ts";
import { evaluatePermission } from "./lib/subjectVectors.ts";

/** CIS 5.1.11: subjects that may approve CertificateSigningRequests (and so mint client certificates). */
export const control = defineControl({
  id: "C-0280",
  description: "Approving CertificateSigningRequests lets a subject issue credentials for any identity the signer allows.",
  remediation: "Remove update on certificatesigningrequests/approval from roles where they are not needed.",
  evaluate: (index) =>
    evaluatePermission(index, "failed+review", {
      verbs: ["update", "*"],
      apiGroups: ["certificates.k8s.io", "*"],
      resources: ["certificatesigningrequests/approval", "*"],
    }),
});
