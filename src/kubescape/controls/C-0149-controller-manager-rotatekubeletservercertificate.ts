import { defineControl } from "./define.ts";
import { evaluateFlags, type FlagCheck } from "./lib/apiServerFlags.ts";

const rotateServerCert: FlagCheck = (flags) => {
  const i = flags.all.findIndex((e) => e.includes("RotateKubeletServerCertificate=false"));
  if (i < 0) return null;
  const path = flags.path(i);
  const fixed = flags.all[i]!.replace("RotateKubeletServerCertificate=false", "RotateKubeletServerCertificate=true");
  return [{ failedPath: path, reviewPath: path }, { fixPath: { path, value: fixed } }];
};

/** Kubelet serving certificate rotation. */
export const control = defineControl({
  id: "C-0149",
  description: "Fails a controller manager whose --feature-gates sets RotateKubeletServerCertificate=false.",
  remediation: "Remove RotateKubeletServerCertificate=false from --feature-gates (it defaults to true).",
  evaluate: (index) => evaluateFlags(index, "kube-controller-manager", rotateServerCert),
});
