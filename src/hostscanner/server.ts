import { createServiceApp } from "../common/http/service.ts";
import type { Logger } from "../common/log.ts";
import { HostFs } from "./hostFs.ts";
import { type HostProcess, listProcesses } from "./processes.ts";
import { SENSORS } from "./sensors/index.ts";
import type { SensorContext, SensorResult } from "./sensors/types.ts";

export interface HostScannerOptions {
  hostRoot: string;
  logger: Logger;
  /** Instance-metadata endpoint for /cloudproviderinfo (link-local on real clouds). */
  metadataUrl?: string;
  metadataTimeoutMs?: number;
}

export const DEFAULT_METADATA_URL = "http://169.254.169.254/";

function sensorContext(options: HostScannerOptions): SensorContext {
  const fs = new HostFs(options.hostRoot);
  let procs: HostProcess[] | undefined;
  return {
    fs,
    processes: () => (procs ??= listProcesses(fs)),
    metadataUrl: options.metadataUrl ?? DEFAULT_METADATA_URL,
    metadataTimeoutMs: options.metadataTimeoutMs ?? 1000,
  };
}

/** Runs the sensor for a (case-insensitive) path; undefined when no sensor has that name. */
export async function runSensor(path: string, options: HostScannerOptions): Promise<SensorResult | undefined> {
  const sensor = SENSORS[path.toLowerCase().replace(/\/+$/, "") || "/"];
  if (!sensor) return undefined;
  return await sensor(sensorContext(options));
}

function toResponse(result: SensorResult): Response {
  switch (result.kind) {
    case "json":
      return Response.json(result.value);
    case "text":
      return new Response(result.value, { headers: { "content-type": "text/plain; charset=utf-8" } });
    case "absent":
      return Response.json({ error: "not found", message: result.reason }, { status: 404 });
  }
}

/** The host-scanner HTTP app: one GET route per sensor, paths matched case-insensitively. */
export function createHostScannerApp(options: HostScannerOptions) {
  const { app, health } = createServiceApp({ component: "host-scanner", logger: options.logger, description: "Per-node facts for host-based posture controls" });
  const handler = async ({ request }: { request: Request }) => {
    const path = new URL(request.url).pathname.toLowerCase().replace(/\/+$/, "") || "/";
    if (path === "/healthz") return Response.json({ alive: true });
    if (path === "/readyz") return health.ready ? Response.json({ status: "ok" }) : Response.json({ status: "not ready" }, { status: 503 });
    let result: SensorResult | undefined;
    try {
      result = await runSensor(path, options);
    } catch (err) {
      options.logger.error({ err, path }, "sensor failed");
      return Response.json({ error: "internal", message: `sensor ${path} failed` }, { status: 500 });
    }
    if (!result) return Response.json({ error: "not found", message: `no sensor for ${path}` }, { status: 404 });
    if (result.kind === "absent") options.logger.debug({ path, reason: result.reason }, "sensor found nothing");
    return toResponse(result);
  };
  const routed = app.get("/healthz", handler, { detail: { tags: ["host"], summary: "Liveness: {alive: true}" } }).get("/*", handler, {
    detail: { tags: ["host"], summary: "Sensors: /osrelease, /kernelversion, /linuxsecurityhardening, /openedports, /linuxkernelvariables, /kubeletinfo, /kubeproxyinfo, /controlplaneinfo, /cloudproviderinfo, /cniinfo, /version (any case)" },
  });
  return { app: routed, health };
}
