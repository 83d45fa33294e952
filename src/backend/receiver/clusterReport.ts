import { z } from "zod";
import { CLUSTER_REPORT_SECTIONS } from "../../common/wire/clusterReport.ts";
import type { InventoryChange } from "../store/types.ts";

/** Kollector's cluster report (wire spec §5): per-kind create/update/delete lists. */
const SectionSchema = z
  .object({ create: z.array(z.unknown()).nullish(), update: z.array(z.unknown()).nullish(), delete: z.array(z.unknown()).nullish() })
  .loose();

export const INVENTORY_KINDS = CLUSTER_REPORT_SECTIONS;

export const ClusterReportSchema = z
  .object({
    firstReport: z.boolean().optional(),
    clusterAPIServerVersion: z.object({ gitVersion: z.string().optional() }).loose().nullish(),
    cloudVendor: z.string().optional(),
    installationData: z.object({ clusterName: z.string().optional() }).loose().nullish(),
    node: SectionSchema.optional(),
    service: SectionSchema.optional(),
    microservice: SectionSchema.optional(),
    pod: SectionSchema.optional(),
    secret: SectionSchema.optional(),
    namespace: SectionSchema.optional(),
    cronjob: SectionSchema.optional(),
  })
  .loose();
export type ClusterReport = z.infer<typeof ClusterReportSchema>;

type Obj = Record<string, unknown>;
const asObj = (v: unknown): Obj => (typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Obj) : {});
const s = (v: unknown) => (typeof v === "string" ? v : "");

/** Identity of one inventory item: namespace, name and (for workloads) kind. */
export function inventoryIdentity(kind: string, item: unknown): { key: string; namespace: string; name: string } {
  const o = asObj(item);
  const meta = asObj(o.metadata);
  const namespace = s(o.namespace) || s(meta.namespace);
  const name = s(o.podName) || s(meta.name) || s(o.name);
  const subKind = kind === "microservice" ? s(o.kind) : "";
  return { key: [namespace, subKind, name].filter(Boolean).join("/"), namespace, name };
}

/** Drops secret payloads: the inventory lists secrets, it never keeps their values. */
function redact(kind: string, item: unknown): unknown {
  if (kind !== "secret") return item;
  const { data: _d, stringData: _s, ...rest } = asObj(item);
  return rest;
}

export function inventoryChanges(report: ClusterReport): InventoryChange[] {
  const out: InventoryChange[] = [];
  for (const kind of INVENTORY_KINDS) {
    const section = report[kind];
    if (!section) continue;
    for (const item of [...(section.create ?? []), ...(section.update ?? [])]) {
      const id = inventoryIdentity(kind, item);
      if (id.name) out.push({ kind, ...id, body: redact(kind, item) });
    }
    for (const item of section.delete ?? []) {
      const id = inventoryIdentity(kind, item);
      if (id.name) out.push({ kind, ...id });
    }
  }
  return out;
}
