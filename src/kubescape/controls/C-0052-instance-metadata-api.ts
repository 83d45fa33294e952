import type { CloudProviderInfo } from "../../common/wire/hostData.ts";
import { defineControl } from "./define.ts";
import { evaluateHost } from "./lib/hostData.ts";

/** Instance Metadata API (CloudProviderInfo from host-scanner). */
export const control = defineControl({
  id: "C-0052",
  description: "Checks whether nodes can reach the cloud instance-metadata API, from which a compromised pod could read node credentials.",
  remediation: "Block pod access to 169.254.169.254 (network policy or provider setting such as IMDSv2 hop limit / metadata concealment).",
  implementation: "host",
  evaluate: (index) =>
    evaluateHost<CloudProviderInfo>(index, "CloudProviderInfo", (data) =>
      data.providerMetaDataAPIAccess ? [{ failedPath: "data.providerMetaDataAPIAccess" }] : [],
    ),
});
