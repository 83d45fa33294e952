import { z } from "zod";
import { createServiceApp } from "../../common/http/service.ts";
import type { Logger } from "../../common/log.ts";
import type { ImageScanner, ScanKind } from "./imageScanner.ts";
import { problemResponse } from "./problem.ts";
import type { ScanQueue } from "./scanQueue.ts";
import { RegistryScanCommandSchema, type ScanCommand, ScanCommandSchema } from "./schemas.ts";

export interface KubevulnAppOptions {
  logger: Logger;
  scanner: ImageScanner;
  queue: ScanQueue;
  bodyLimit?: number;
}

const ROUTES: Array<{ path: string; kind: ScanKind; schema: z.ZodType<ScanCommand>; summary: string }> = [
  { path: "/v1/scanImage", kind: "scanImage", schema: ScanCommandSchema, summary: "Scan a workload's container image (apis.WebsocketScanCommand); 200 = accepted" },
  { path: "/v1/scanRegistryImage", kind: "scanRegistryImage", schema: RegistryScanCommandSchema as z.ZodType<ScanCommand>, summary: "Scan an image named by tag (apis.ImageScanParams); 200 = accepted" },
  { path: "/v1/generateSBOM", kind: "generateSBOM", schema: ScanCommandSchema, summary: "Build and cache an image's SBOM; 200 = accepted" },
];

/**
 * The kubevuln HTTP API. Bodies are parsed here (not by Elysia) so every refusal is an RFC 7807
 * problem naming the field; accepted scans run later in the bounded queue.
 */
export function createKubevulnApp(options: KubevulnAppOptions) {
  const { app, health, metrics } = createServiceApp({ component: "kubevuln", logger: options.logger, bodyLimit: options.bodyLimit ?? 1024 * 1024, description: "Image vulnerability scanning" });
  for (const route of ROUTES) {
    const jsonSchema = z.toJSONSchema(route.schema, { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
    delete jsonSchema.$schema;
    app.post(
      route.path,
      async ({ body }) => {
        let raw: unknown;
        try {
          raw = JSON.parse(typeof body === "string" ? body : "");
        } catch {
          return problemResponse(400, "malformed body", "the request body is not valid JSON", { instance: route.path });
        }
        const parsed = route.schema.safeParse(raw);
        if (!parsed.success) {
          const issue = parsed.error.issues[0]!;
          const field = issue.path.join(".") || "body";
          return problemResponse(400, "invalid request", `${field}: ${issue.message}`, { instance: route.path, field });
        }
        const command = parsed.data;
        if (!health.ready) return problemResponse(503, "not ready", "the vulnerability database is not loaded yet", { instance: route.path });
        options.scanner.accepted(command);
        const queued = options.queue.offer(() => options.scanner.run(route.kind, command));
        if (!queued) return problemResponse(503, "busy", "too many scans are waiting; retry later", { instance: route.path });
        const detail = route.kind === "scanRegistryImage" ? `ImageTag=${command.imageTag}` : `Wlid=${command.wlid ?? ""}, ImageHash=${command.imageHash ?? ""}`;
        return new Response(JSON.stringify({ type: "about:blank", title: "OK", status: 200, detail }), { status: 200, headers: { "content-type": "application/problem+json" } });
      },
      {
        parse: "text",
        detail: {
          tags: ["scan"],
          summary: route.summary,
          requestBody: { required: true, content: { "application/json": { schema: jsonSchema } } },
        },
      },
    );
  }
  app.get("/v1/ready", ({ set }) => {
    if (health.ready) return { status: "ok" };
    set.status = 503;
    return { status: "not ready", reason: health.notReadyReason };
  }, { detail: { tags: ["health"], summary: "2023-02 readiness route (same as /v1/readiness)" } });
  return { app, health, metrics };
}
