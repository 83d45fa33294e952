import { defineControl } from "./define.ts";
import { evaluateFlags, type FlagCheck } from "./lib/apiServerFlags.ts";

/** Present: reported for review; absent: failed at the place it should go, with a fix. */
const gcThreshold: FlagCheck = (flags) => {
  const i = flags.all.findIndex((e) => e.includes("--terminated-pod-gc-threshold"));
  if (i >= 0) return [{ failedPath: flags.path(i), reviewPath: flags.path(i) }];
  const path = flags.appendPath();
  return [{ failedPath: path, reviewPath: path }, { fixPath: { path, value: "--terminated-pod-gc-threshold=YOUR_VALUE" } }];
};

/** The terminated pod garbage-collection threshold. */
export const control = defineControl({
  id: "C-0144",
  description: "Flags a controller manager's --terminated-pod-gc-threshold for review, and fails one that does not set it.",
  remediation: "Set --terminated-pod-gc-threshold on kube-controller-manager (e.g. 10).",
  evaluate: (index) => evaluateFlags(index, "kube-controller-manager", gcThreshold),
});
