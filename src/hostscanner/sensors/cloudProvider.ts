import { json, type Sensor } from "./types.ts";

/**
 * Whether this node can reach a cloud instance-metadata API (C-0052). A short GET to the
 * link-local endpoint; any HTTP answer counts as access.
 */
export const cloudProvider: Sensor = async ({ metadataUrl, metadataTimeoutMs }) => {
  let reachable = false;
  try {
    const res = await fetch(metadataUrl, { signal: AbortSignal.timeout(metadataTimeoutMs), headers: { "Metadata-Flavor": "Google", Metadata: "true" } });
    await res.body?.cancel();
    reachable = true;
  } catch {
    reachable = false;
  }
  return json({ providerMetaDataAPIAccess: reachable });
};
