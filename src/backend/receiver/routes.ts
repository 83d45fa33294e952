import { Elysia } from "elysia";
import { z } from "zod";
import { HttpError } from "../../common/errors.ts";
import { documented } from "../../common/http/schema.ts";
import type { BackendContext } from "../context.ts";
import { containerAssembler, postureAssembler, wrapChunk } from "./assemblers.ts";
import { ClusterReportSchema, inventoryChanges } from "./clusterReport.ts";
import { ContainerScanChunkSchema } from "./containerScan.ts";
import { authenticateEdge } from "./edgeAuth.ts";
import { PostureChunkSchema } from "./postureReport.ts";
import { IncomingBaseReportSchema, jobEventFrom } from "./sysReport.ts";

const PostureQuery = z.object({ customerGUID: z.string().optional(), contextName: z.string().optional(), clusterName: z.string().optional(), reportGUID: z.string().optional() }).loose();
const AccountQuery = z.object({ customerGUID: z.string().optional(), clusterName: z.string().optional() }).loose();
const RegistryQuery = z.object({ customerGUID: z.string().optional(), jobID: z.string().min(1), registryName: z.string().min(1) }).loose();
const ChunkAccepted = z.object({ status: z.enum(["stored", "duplicate", "complete", "already-complete"]), reportGUID: z.string(), chunkNumber: z.number() });

/** Reads a JSON body as text (kept verbatim) and parses it; 413 past the limit, 400 if not JSON. */
async function readJson(request: Request, limit: number): Promise<{ text: string; value: unknown }> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limit) throw new HttpError(413, `body larger than ${limit} bytes`);
  const text = await request.text();
  if (text.length > limit) throw new HttpError(413, `body larger than ${limit} bytes`);
  try {
    return { text, value: JSON.parse(text) };
  } catch (err) {
    throw new HttpError(400, `body is not JSON: ${(err as Error).message}`, { field: "body" });
  }
}

function parseWith<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const field = issue && issue.path.length > 0 ? issue.path.join(".") : "body";
  throw new HttpError(400, `${field}: ${issue?.message ?? "invalid"}`, { field });
}

const ANY_BODY = { parse: "none" as const };
const SET_CRONJOB = /^set(Kubescape|VulnScan|RegistryScan)CronJob$/;

/** The event receiver (wire spec §8): what cluster components POST and stream to. */
export function receiverRoutes(ctx: BackendContext) {
  const posture = postureAssembler(ctx.store, ctx.live);
  const container = containerAssembler(ctx.store, ctx.live);
  const inventorySockets = new WeakMap<Request, { account: string; cluster: string; chain: Promise<void> }>();

  return new Elysia({ name: "event-receiver" })
    .post(
      "/k8s/v2/postureReport",
      async ({ request, query }) => {
        const account = await authenticateEdge(ctx.keys, request, query.customerGUID);
        const { text, value } = await readJson(request, ctx.bodyLimit);
        const chunk = parseWith(PostureChunkSchema, value);
        if (chunk.customerGUID && chunk.customerGUID !== account) throw new HttpError(403, "customerGUID does not belong to this API key");
        const reportGUID = query.reportGUID || chunk.reportGUID;
        if (!reportGUID) throw new HttpError(400, "reportGUID: required (query or body)", { field: "reportGUID" });
        const page = chunk.paginationInfo ?? { chunkNumber: 0, isLastChunk: true };
        const cluster = query.clusterName || query.contextName || chunk.clusterName || "";
        const status = await ctx.reassembler.receive(posture, account, reportGUID, page.chunkNumber, page.isLastChunk, wrapChunk(cluster, text));
        return { status, reportGUID, chunkNumber: page.chunkNumber };
      },
      { ...ANY_BODY, query: documented(PostureQuery), response: { 200: documented(ChunkAccepted) }, detail: { tags: ["event receiver"], summary: "PostureReport v2 chunk (X-API-KEY)" } },
    )
    .post(
      "/k8s/v2/containerScan",
      async ({ request, query }) => {
        const account = await authenticateEdge(ctx.keys, request, query.customerGUID);
        const { text, value } = await readJson(request, ctx.bodyLimit);
        const chunk = parseWith(ContainerScanChunkSchema, value);
        const attrs = chunk.designators?.attributes ?? {};
        if (typeof attrs.customerGUID === "string" && attrs.customerGUID !== "" && attrs.customerGUID !== account) throw new HttpError(403, "customerGUID does not belong to this API key");
        const page = chunk.paginationInfo ?? { chunkNumber: 0, isLastChunk: true };
        // kubevuln keeps one containersScanID per container image; the upload's timestamp tells rescans apart.
        const reportId = chunk.timestamp !== undefined ? `${chunk.containersScanID}@${chunk.timestamp}` : chunk.containersScanID;
        const status = await ctx.reassembler.receive(container, account, reportId, page.chunkNumber, page.isLastChunk, wrapChunk(query.clusterName ?? "", text));
        return { status, reportGUID: reportId, chunkNumber: page.chunkNumber };
      },
      { ...ANY_BODY, query: documented(AccountQuery), response: { 200: documented(ChunkAccepted) }, detail: { tags: ["event receiver"], summary: "Container scan result chunk (X-API-KEY)" } },
    )
    .post(
      "/k8s/sysreport",
      async ({ request, query, set }) => {
        const account = await authenticateEdge(ctx.keys, request, query.customerGUID);
        const { value } = await readJson(request, ctx.bodyLimit);
        const report = parseWith(IncomingBaseReportSchema, value);
        if (report.customerGUID && report.customerGUID !== account) throw new HttpError(403, "customerGUID does not belong to this API key");
        const event = jobEventFrom(report, Date.now(), query.clusterName);
        if (await ctx.store.addJobEvent(account, event)) ctx.live.publish({ type: "job", account, cluster: event.cluster, id: event.jobId });
        // The operator names the CronJobs it creates and reports them as the job's details.
        if (event.status === "success" && SET_CRONJOB.test(event.action) && /^[a-z0-9-]+(,[a-z0-9-]+)*$/.test(event.details)) {
          if (await ctx.store.adoptCronJobNames(account, event.jobId, event.details)) ctx.live.publish({ type: "schedule", account, cluster: event.cluster });
        }
        // Senders adopt a non-"ok" body as the job id: answer "ok".
        set.headers["content-type"] = "text/plain";
        return "ok";
      },
      { ...ANY_BODY, query: documented(AccountQuery), detail: { tags: ["event receiver"], summary: "Job status (BaseReport), idempotent on retries (X-API-KEY)" } },
    )
    .post(
      "/k8s/registryRepositories",
      async ({ request, query }) => {
        const account = await authenticateEdge(ctx.keys, request, query.customerGUID);
        const { value } = await readJson(request, ctx.bodyLimit);
        const repos = parseWith(z.array(z.object({ repositoryName: z.string().min(1) }).loose()).max(100_000), value);
        const added = await ctx.store.addRegistryRepositories(account, query.registryName, query.jobID, repos.map((r) => r.repositoryName), Date.now());
        ctx.live.publish({ type: "registry", account, id: query.registryName });
        return { added, total: repos.length };
      },
      { ...ANY_BODY, query: documented(RegistryQuery), detail: { tags: ["event receiver"], summary: "Repositories found in a registry (X-API-KEY)" } },
    )
    .ws("/k8s/cluster-reports", {
      detail: { tags: ["event receiver"], summary: "Kollector inventory stream (X-API-KEY; ?customerGUID=&clusterName=)" },
      async beforeHandle({ request }) {
        const q = new URL(request.url).searchParams;
        const cluster = q.get("clusterName") ?? "";
        const account = await authenticateEdge(ctx.keys, request, q.get("customerGUID") ?? undefined);
        if (!cluster) throw new HttpError(400, "clusterName query parameter required");
        inventorySockets.set(request, { account, cluster, chain: Promise.resolve() });
      },
      parse: (_ws, message) => message,
      message(ws, message) {
        const conn = inventorySockets.get(ws.data.request);
        if (!conn) return;
        const text = typeof message === "string" ? message : message instanceof Uint8Array || message instanceof ArrayBuffer ? new TextDecoder().decode(message) : JSON.stringify(message);
        if (text.length > ctx.bodyLimit) {
          ws.send(JSON.stringify({ error: "too large", message: `message larger than ${ctx.bodyLimit} bytes` }));
          return;
        }
        // Apply messages in arrival order.
        conn.chain = conn.chain.then(async () => {
          let parsed: unknown;
          try {
            parsed = JSON.parse(text);
          } catch {
            ws.send(JSON.stringify({ error: "malformed", message: "message is not JSON" }));
            return;
          }
          const r = ClusterReportSchema.safeParse(parsed);
          if (!r.success) {
            const issue = r.error.issues[0];
            ws.send(JSON.stringify({ error: "validation", message: `${issue?.path.join(".") || "body"}: ${issue?.message}` }));
            return;
          }
          try {
            await ctx.store.applyInventory(conn.account, conn.cluster, inventoryChanges(r.data), Date.now(), {
              serverVersion: r.data.clusterAPIServerVersion?.gitVersion,
              cloudProvider: r.data.cloudVendor,
            }, r.data.firstReport === true);
            ctx.live.publish({ type: "inventory", account: conn.account, cluster: conn.cluster });
          } catch (err) {
            ctx.logger.error({ err, account: conn.account, cluster: conn.cluster }, "could not store cluster report");
            ws.send(JSON.stringify({ error: "internal", message: "could not store the report" }));
          }
        });
      },
    });
}

export { containerAssembler, postureAssembler };
