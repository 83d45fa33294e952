import { defineControl } from "./define.ts";
import { evaluateFlags, type FlagCheck } from "./lib/apiServerFlags.ts";

const BAD = "--service-account-lookup=false";

/**
 * `--service-account-lookup=false` fails; kubescape proposes a replacement only when the entry holds
 * more than the flag (an entry that is just the flag is simply to be dropped). Absent passes: the
 * default is true.
 */
const lookupOff: FlagCheck = (flags) => {
  const i = flags.all.findIndex((e) => e.includes(BAD));
  if (i < 0) return null;
  const path = flags.path(i);
  const entry = flags.all[i]!;
  const failed = { failedPath: path, reviewPath: path };
  return entry === BAD ? [failed] : [failed, { fixPath: { path, value: entry.replace(BAD, "--service-account-lookup=true") } }];
};

/** Service account token revocation checks. */
export const control = defineControl({
  id: "C-0135",
  description: "Fails an API server with --service-account-lookup=false, which accepts tokens of deleted service accounts.",
  remediation: "Remove --service-account-lookup=false (the default is true).",
  evaluate: (index) => evaluateFlags(index, "kube-apiserver", lookupOff),
});
