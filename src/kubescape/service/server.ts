import { z } from "zod";
import type { Logger } from "../../common/log.ts";
import { withJob } from "../../common/log.ts";
import { createServiceApp } from "../../common/http/service.ts";
import { documented } from "../../common/http/schema.ts";
import type { EventReceiverClient } from "../../common/reporter.ts";
import { planScan, SelectionError } from "../engine/selection.ts";
import { buildPostureReport } from "../report/postureReport.ts";
import { renderPrometheus } from "../report/prometheus.ts";
import type { ScanOutcome, ScanRequest } from "../scan.ts";
import { type PostScanRequest, parsePostScanRequest, queryBool } from "./request.ts";
import { QueueFullError, ScanQueue } from "./queue.ts";
import { ResultStore } from "./store.ts";
import { submitPostureReport } from "./submit.ts";

export interface KubescapeServiceOptions {
  logger: Logger;
  /** Runs one scan (the live cluster in production); injected so the core is testable. */
  scan: (req: ScanRequest, jobId: string, logger: Logger) => Promise<ScanOutcome>;
  eventReceiver?: EventReceiverClient;
  customerGUID?: string;
  clusterName?: string;
  /** Defaults applied when a request leaves them out (KS_* env). */
  defaults?: { submit?: boolean; hostScanner?: boolean; includeNamespaces?: string[]; excludeNamespaces?: string[] };
  hostScannerNamespace?: string;
  maxQueued?: number;
  maxResultsKept?: number;
  reportChunkBytes?: number;
  newId?: () => string;
  /** When set, /v1/* requires `Authorization: Bearer <token>` (kubescape's KS_API_TOKEN). */
  apiToken?: string;
}

type ApiResponse = { id?: string; type: "id" | "error" | "v1results" | "busy" | "notBusy" | "ready"; response?: unknown };

const ScanQuery = z.object({ wait: z.string().optional(), keep: z.string().optional() }).loose();
const IdQuery = z.object({ id: z.string().optional(), ID: z.string().optional(), keep: z.string().optional(), all: z.string().optional() }).loose();

/** The kubescape microservice REST API (wire spec §3): scans queued one at a time. */
export function createKubescapeService(options: KubescapeServiceOptions) {
  const { app, health, metrics } = createServiceApp({ component: "kubescape", logger: options.logger, bodyLimit: 4 * 1024 * 1024, description: "Posture scans of the cluster (kubescape httphandler API)" });
  const queue = new ScanQueue<ApiResponse>(options.maxQueued ?? 5);
  const store = new ResultStore(options.maxResultsKept ?? 20);
  let latestId: string | undefined;
  const newId = options.newId ?? (() => crypto.randomUUID());

  function toScanRequest(body: PostScanRequest): ScanRequest {
    const type = (body.targetType ?? "").toLowerCase();
    const names = (body.targetNames ?? []).filter((n) => n !== "");
    const all = names.some((n) => n.toLowerCase() === "all");
    const hostScanner = body.hostScanner ?? options.defaults?.hostScanner ?? false;
    return {
      targetType: type === "control" || type === "rule" ? "control" : "framework",
      targetNames: all ? [] : names,
      paths: [],
      includeNamespaces: body.includeNamespaces ?? options.defaults?.includeNamespaces,
      excludeNamespaces: body.excludedNamespaces ?? options.defaults?.excludeNamespaces,
      exceptions: body.exceptions,
      hostScannerNamespace: hostScanner ? options.hostScannerNamespace : undefined,
      clusterName: options.clusterName,
      failThreshold: body.failThreshold,
    };
  }

  async function runOne(id: string, body: PostScanRequest): Promise<ApiResponse> {
    const log = withJob(options.logger, id);
    const started = performance.now();
    log.info({ targetType: body.targetType, targetNames: body.targetNames }, "scan started");
    try {
      const outcome = await options.scan(toScanRequest(body), id, log);
      const report = buildPostureReport(
        outcome.result,
        { ...outcome.context, reportGUID: id, jobID: id, customerGUID: body.account || options.customerGUID, clusterName: options.clusterName },
        // Per-resource statuses travel in results[]; ID lists per control would repeat them in every chunk.
        { includePassed: false, includeResourceIds: false, includeObjects: "failed" },
      );
      const submit = (body.submit ?? options.defaults?.submit ?? false) && !body.keepLocal;
      if (submit && options.eventReceiver?.enabled) {
        const chunks = submitPostureReport(options.eventReceiver, report, { customerGUID: body.account || options.customerGUID || "", clusterName: options.clusterName ?? "", maxBytes: options.reportChunkBytes ?? 2 * 1024 * 1024 });
        log.info({ chunks }, "report queued for the event receiver");
      }
      log.info({ ms: Math.round(performance.now() - started), compliance: outcome.result.complianceScore, risk: outcome.result.riskScore, resources: outcome.result.resources.length }, "scan finished");
      store.put(id, { kind: "report", report });
      return { id, type: "v1results", response: report };
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      log.error({ err }, "scan failed");
      store.put(id, { kind: "error", message });
      return { id, type: "error", response: message };
    }
  }

  function tooBusy(set: { status?: number | string }, err: QueueFullError): ApiResponse {
    set.status = 429;
    return { type: "error", response: err.message };
  }

  if (options.apiToken) {
    const expected = `Bearer ${options.apiToken}`;
    app.onBeforeHandle(({ request, path, set }) => {
      if (!path.startsWith("/v1/")) return;
      if (request.headers.get("authorization") === expected) return;
      set.status = 401;
      return { type: "error", response: "missing or wrong bearer token" } satisfies ApiResponse;
    });
  }

  app
    .post(
      "/v1/scan",
      async ({ body, query, set }) => {
        const parsed = parsePostScanRequest(body);
        if (!parsed.ok) {
          set.status = 400;
          return { type: "error", response: parsed.message } satisfies ApiResponse;
        }
        try {
          const req = toScanRequest(parsed.value);
          planScan(req.targetType === "control" ? { controlIds: req.targetNames } : { frameworks: req.targetNames }, []);
        } catch (err) {
          if (!(err instanceof SelectionError)) throw err;
          set.status = 400;
          return { type: "error", response: err.message } satisfies ApiResponse;
        }
        const id = newId();
        let done: Promise<ApiResponse>;
        try {
          done = queue.enqueue(id, () => runOne(id, parsed.value));
        } catch (err) {
          if (err instanceof QueueFullError) return tooBusy(set, err);
          throw err;
        }
        latestId = id;
        if (queryBool(query.wait)) {
          const res = await done;
          if (res.type === "error") set.status = 500;
          if (!queryBool(query.keep)) store.delete(id);
          return res;
        }
        done.catch(() => {});
        return { id, type: "busy", response: `scanning '${id}' is in progress` } satisfies ApiResponse;
      },
      {
        query: documented(ScanQuery),
        detail: { summary: "Start a posture scan (PostScanRequest body); ?wait=true blocks until the report is ready, ?keep=true keeps it for GET /v1/results" },
      },
    )
    .get(
      "/v1/status",
      ({ query }) => {
        const id = query.id ?? query.ID ?? "";
        if (id === "") {
          const running = queue.running;
          return running ? ({ id: running, type: "busy", response: running } satisfies ApiResponse) : ({ type: "notBusy" } satisfies ApiResponse);
        }
        return queue.isBusy(id) ? ({ id, type: "busy", response: id } satisfies ApiResponse) : ({ id, type: "notBusy" } satisfies ApiResponse);
      },
      { query: documented(IdQuery), detail: { summary: "busy while the scan (or, without id, any scan) runs; notBusy otherwise" } },
    )
    .get(
      "/v1/results",
      ({ query, set }) => {
        const id = query.id || query.ID || latestId;
        if (!id) {
          set.status = 400;
          return { type: "error", response: "no scan has been requested yet" } satisfies ApiResponse;
        }
        if (queue.isBusy(id)) return { id, type: "busy", response: `scanning '${id}' is in progress` } satisfies ApiResponse;
        const stored = store.get(id);
        if (!stored) {
          set.status = 204;
          return "";
        }
        if (!queryBool(query.keep)) store.delete(id);
        return stored.kind === "report" ? ({ id, type: "v1results", response: stored.report } satisfies ApiResponse) : ({ id, type: "error", response: stored.message } satisfies ApiResponse);
      },
      { query: documented(IdQuery), detail: { summary: "The report of a finished scan (204 when unknown); deleted after reading unless keep=true" } },
    )
    .delete(
      "/v1/results",
      ({ query }) => {
        if (queryBool(query.all)) {
          store.clear();
          return { type: "ready", response: "all results deleted" } satisfies ApiResponse;
        }
        const id = query.id || query.ID || latestId || "";
        const deleted = store.delete(id);
        return { id, type: "ready", response: deleted ? "deleted" : "not found" } satisfies ApiResponse;
      },
      { query: documented(IdQuery), detail: { summary: "Delete one result (id) or all (all=true)" } },
    )
    .get(
      "/v1/metrics",
      async ({ set }) => {
        const id = newId();
        let outcome: ScanOutcome | undefined;
        try {
          await queue.enqueue(id, async () => {
            outcome = await options.scan(toScanRequest({}), id, withJob(options.logger, id));
            return { id, type: "ready" };
          });
        } catch (err) {
          if (err instanceof QueueFullError) return tooBusy(set, err);
          throw err;
        }
        if (!outcome) throw new Error("metrics scan produced no result");
        set.headers["content-type"] = "text/plain; version=0.0.4";
        return renderPrometheus(outcome.result, { ...outcome.context, clusterName: options.clusterName });
      },
      { detail: { summary: "Runs a scan of every framework now and answers with Prometheus text (deprecated in kubescape, kept for compatibility)" } },
    );
  return { app, health, metrics, queue, store };
}
