/** kubescapeScan / runKubescapeJob → kubescape `POST /v1/scan`, then status polling (§1.4). */
import { z } from "zod";
import type { Job, OperatorContext } from "../context.ts";
import { getJson, postJson } from "../downstream.ts";
import { normaliseScanV1 } from "../recurring/plan.ts";

const ScanResponseSchema = z.object({ id: z.string().default(""), type: z.string().default(""), response: z.unknown().optional() }).loose();

export async function runKubescapeScan(ctx: OperatorContext, job: Job): Promise<string> {
  const scan = normaliseScanV1(job.command.args?.scanV1);
  const text = await postJson(`${ctx.kubescapeUrl}/v1/scan?keep=false`, scan, { retryDelayMs: ctx.retryDelayMs });
  const first = ScanResponseSchema.safeParse(JSON.parse(text || "{}"));
  if (!first.success) throw new Error(`kubescape answered an unexpected body: ${text.slice(0, 200)}`);
  if (first.data.type === "error") throw new Error(`kubescape refused the scan: ${JSON.stringify(first.data.response)}`);
  const scanId = first.data.id;
  job.logger.info({ scanId, targetNames: scan.targetNames }, "kubescape scan started");
  const deadline = Date.now() + ctx.scanTimeoutMs;
  let type = first.data.type;
  while (type === "busy" && scanId !== "") {
    if (Date.now() > deadline) throw new Error(`kubescape scan ${scanId} still busy after ${ctx.scanTimeoutMs} ms`);
    await Bun.sleep(ctx.statusPollMs);
    const status = ScanResponseSchema.parse(await getJson(`${ctx.kubescapeUrl}/v1/status?ID=${encodeURIComponent(scanId)}`));
    type = status.type;
  }
  job.logger.info({ scanId, type }, "kubescape scan finished");
  return scanId;
}
