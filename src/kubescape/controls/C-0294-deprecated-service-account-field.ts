import { defineControl } from "./define.ts";
import { evaluateWorkloadsWithRc } from "./lib/wlWithRc.ts";

/** Pod specs using the deprecated serviceAccount field instead of serviceAccountName. */
export const control = defineControl({
  id: "C-0294",
  description: "spec.serviceAccount is a deprecated alias of serviceAccountName and may be dropped.",
  remediation: "Replace serviceAccount with serviceAccountName in the pod spec.",
  evaluate: (index) =>
    evaluateWorkloadsWithRc(index, (wl) => {
      if (!Object.hasOwn(wl.spec, "serviceAccount") || wl.spec.serviceAccount === undefined || wl.spec.serviceAccount === null) return null;
      // The API server copies serviceAccountName into the deprecated field on every pod spec it stores, so on a
      // live cluster only a value that differs from serviceAccountName was written by someone.
      if (index.isLiveCluster && wl.spec.serviceAccount === wl.spec.serviceAccountName) return null;
      const at = `${wl.prefix}serviceAccount`;
      return [{ failedPath: at, deletePath: at }, { fixPath: { path: `${wl.prefix}serviceAccountName`, value: String(wl.spec.serviceAccount) } }];
    }),
});
