/** `scan`: running pods of the designated namespaces → one kubevuln `/v1/scanImage` per distinct image (§1.3, §1.8). */
import { randomUUID } from "node:crypto";
import { k8s } from "../../common/kube.ts";
import type { Job, OperatorContext } from "../context.ts";
import { postJson } from "../downstream.ts";
import { namespaceOfWlid } from "../recurring/plan.ts";
import { imageTargets, type PodLike, selectorString, wlidOf, workloadOf } from "../targets.ts";

/** Namespaces named by designators, else by wildWlid; empty = all namespaces. */
export function designatedNamespaces(job: Job): string[] {
  const fromDesignators = (job.command.designators ?? []).map((d) => d.attributes?.namespace).filter((n): n is string => typeof n === "string" && n !== "");
  if (fromDesignators.length > 0) return [...new Set(fromDesignators)];
  const ns = namespaceOfWlid(job.command.wildWlid ?? job.command.wlid);
  return ns ? [ns] : [];
}

/** The kubevuln session chain: parent job, this job, the new job. */
export function sessionFor(job: Job, newJobID: string) {
  const parent = job.command.jobTracking?.parentAction;
  const jobIDs = [...(parent ? [parent] : []), job.jobID, newJobID];
  return { jobIDs, timestamp: new Date().toISOString(), rootJobID: parent || job.jobID, action: job.command.commandName };
}

export async function runScanImages(ctx: OperatorContext, job: Job): Promise<number> {
  const core = ctx.kube.makeApiClient(k8s.CoreV1Api);
  const labelSelector = selectorString(job.command.args?.labels) || undefined;
  const extraFields = selectorString(job.command.args?.fieldSelector);
  const fieldSelector = ["status.phase=Running", ...(extraFields ? [extraFields] : [])].join(",");
  const namespaces = designatedNamespaces(job);
  const pods: PodLike[] = [];
  if (namespaces.length === 0) {
    // Cluster-wide scans skip the configured excluded namespaces; a designated one is scanned.
    const excluded = new Set(ctx.excludedNamespaces);
    pods.push(...(await core.listPodForAllNamespaces({ labelSelector, fieldSelector })).items.filter((p) => !excluded.has(p.metadata?.namespace ?? "")));
  } else {
    for (const namespace of namespaces) pods.push(...(await core.listNamespacedPod({ namespace, labelSelector, fieldSelector })).items);
  }
  // A single-workload command (wlid, no wildWlid/designators) scans that workload only.
  const only = !job.command.wildWlid && !(job.command.designators?.length) ? job.command.wlid?.toLowerCase() : undefined;
  const selected = only
    ? pods.filter((p) => {
        const w = workloadOf(p);
        return wlidOf(ctx.clusterName, p.metadata?.namespace ?? "", w.kind, w.name).toLowerCase() === only;
      })
    : pods;
  const targets = imageTargets(selected, ctx.clusterName);
  job.logger.info({ namespaces: namespaces.length ? namespaces : "all", workload: only, pods: selected.length, images: targets.length }, "image scan targets");
  let failures = 0;
  for (const t of targets) {
    const newJobID = randomUUID();
    const body = {
      imageTag: t.imageTag,
      imageHash: t.imageHash,
      wlid: t.wlid,
      containerName: t.containerName,
      isScanned: false,
      actionIDN: 2,
      instanceID: t.instanceID,
      jobID: newJobID,
      parentJobID: job.jobID,
      session: sessionFor(job, newJobID),
      credentialsList: [],
      args: {},
    };
    try {
      await postJson(`${ctx.kubevulnUrl}/v1/scanImage`, body, { retryDelayMs: ctx.retryDelayMs });
      job.logger.info({ imageTag: t.imageTag, wlid: t.wlid, childJobId: newJobID }, "image scan requested");
    } catch (err) {
      failures++;
      job.logger.error({ imageTag: t.imageTag, err: (err as Error).message }, "image scan request failed");
    }
  }
  if (failures > 0) throw new Error(`${failures} of ${targets.length} image scan requests failed`);
  return targets.length;
}
