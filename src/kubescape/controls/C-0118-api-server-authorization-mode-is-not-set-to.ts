import { defineControl } from "./define.ts";
import { evaluateFlags, type FlagCheck, listFlag } from "./lib/apiServerFlags.ts";

/** kubescape's fix drops AlwaysAllow from the list, falling back to RBAC when nothing remains. */
const notAlwaysAllow: FlagCheck = (flags) => {
  for (let i = 0; i < flags.all.length; i++) {
    const entry = flags.all[i]!;
    const hit = listFlag(entry, "--authorization-mode");
    if (!hit || !hit.values.includes("AlwaysAllow")) continue;
    const rest = hit.values.filter((v) => v !== "AlwaysAllow");
    const lead = hit.origin.startsWith(" ") ? " " : "";
    const trail = hit.origin.endsWith(" ") ? " " : "";
    const fixed = entry.replace(hit.origin, `${lead}--authorization-mode=${rest.length > 0 ? rest.join(",") : "RBAC"}${trail}`);
    const path = flags.path(i);
    return [{ failedPath: path, reviewPath: path }, { fixPath: { path, value: fixed } }];
  }
  return null;
};

/** The AlwaysAllow authorization mode. */
export const control = defineControl({
  id: "C-0118",
  description: "Fails an API server whose --authorization-mode includes AlwaysAllow, which authorizes every request.",
  remediation: "Set --authorization-mode to Node,RBAC (never AlwaysAllow).",
  evaluate: (index) => evaluateFlags(index, "kube-apiserver", notAlwaysAllow),
});
