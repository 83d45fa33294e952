import type { KubeConfig } from "../../common/kube.ts";
import type { Logger } from "../../common/log.ts";
import { buildResourceIndex } from "../engine/resourceIndex.ts";
import type { K8sObject, ResourceIndex, SourceLocation } from "../types.ts";
import { listClusterObjects, type NamespaceFilter, namespaceAllowed } from "./cluster.ts";
import { loadManifestPaths } from "./files.ts";
import type { ParseProblem } from "./parseManifests.ts";

export interface Snapshot {
  index: ResourceIndex;
  problems: ParseProblem[];
  /** Files read, for file scans. */
  files: string[];
}

/** Files, folders, charts or stdin ("-") → an indexed snapshot with each object's source. */
export async function snapshotFromPaths(paths: readonly string[], options: { filter?: NamespaceFilter; stdin?: () => Promise<string>; helmBinary?: string } = {}): Promise<Snapshot> {
  const loaded = await loadManifestPaths(paths, options);
  const sources = new Map<K8sObject, SourceLocation>();
  const objects: K8sObject[] = [];
  for (const { object, source } of loaded.objects) {
    if (options.filter && !namespaceAllowed(object, options.filter)) continue;
    objects.push(object);
    sources.set(object, source);
  }
  return { index: buildResourceIndex(objects, { sources, isLiveCluster: false }), problems: loaded.problems, files: loaded.files };
}

export interface ClusterSnapshotInput {
  filter?: NamespaceFilter;
  /** Namespace of the host-scanner DaemonSet; host data is collected only when set. */
  hostScannerNamespace?: string;
  logger?: Logger;
}

/** A live cluster (paged lists of every kind the controls read), plus host data when asked. */
export async function snapshotFromCluster(kc: KubeConfig, input: ClusterSnapshotInput = {}): Promise<Snapshot> {
  const objects = await listClusterObjects(kc, { filter: input.filter, logger: input.logger });
  const problems: ParseProblem[] = [];
  if (input.hostScannerNamespace) {
    try {
      const mod = await import("./hostData.ts");
      objects.push(...(await mod.collectHostData(kc, input.hostScannerNamespace, { logger: input.logger })));
    } catch (err) {
      input.logger?.warn({ err }, "host data collection failed; host controls will be skipped");
      problems.push({ file: "host-scanner", line: 0, message: err instanceof Error ? err.message : String(err) });
    }
  }
  return { index: buildResourceIndex(objects, { isLiveCluster: true }), problems, files: [] };
}
