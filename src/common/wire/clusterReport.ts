import { z } from "zod";

/**
 * Kollector → event receiver websocket `/k8s/cluster-reports` (wire spec §5): one JSON text
 * frame per batch; each section holds create/update/delete lists and is present only when
 * non-empty. Version, cloud vendor and installation data ride on the first report only.
 */

export const CLUSTER_REPORT_SECTIONS = ["node", "service", "microservice", "pod", "secret", "namespace", "cronjob"] as const;
export type ClusterReportSection = (typeof CLUSTER_REPORT_SECTIONS)[number];

export const SectionChangesSchema = z.object({
  create: z.array(z.unknown()).optional(),
  update: z.array(z.unknown()).optional(),
  delete: z.array(z.unknown()).optional(),
});
export type SectionChanges = z.infer<typeof SectionChangesSchema>;

export const UptreeOwnerSchema = z.object({ name: z.string(), kind: z.string(), ownerData: z.unknown().optional() });
export type UptreeOwner = z.infer<typeof UptreeOwnerSchema>;

export const PodEntrySchema = z.object({
  podName: z.string(),
  nodeName: z.string(),
  podIP: z.string(),
  namespace: z.string(),
  uptreeOwner: UptreeOwnerSchema,
  podStatus: z.string(),
  startedAt: z.string().optional(),
  terminatedAt: z.string().optional(),
});
export type PodEntry = z.infer<typeof PodEntrySchema>;

export const ClusterReportMessageSchema = z.object({
  firstReport: z.boolean(),
  clusterAPIServerVersion: z.record(z.string(), z.unknown()).optional(),
  cloudVendor: z.string().optional(),
  installationData: z.record(z.string(), z.unknown()).optional(),
  node: SectionChangesSchema.optional(),
  service: SectionChangesSchema.optional(),
  microservice: SectionChangesSchema.optional(),
  pod: SectionChangesSchema.optional(),
  secret: SectionChangesSchema.optional(),
  namespace: SectionChangesSchema.optional(),
  cronjob: SectionChangesSchema.optional(),
});
export type ClusterReportMessage = z.infer<typeof ClusterReportMessageSchema>;
