import { swagger } from "@elysiajs/swagger";
import { Elysia } from "elysia";
import type { Logger } from "../log.ts";
import { VERSION } from "../version.ts";
import { toErrorResponse } from "./errors.ts";
import { Health } from "./health.ts";
import { ServiceMetrics } from "./metrics.ts";

export interface ServiceOptions {
  component: string;
  logger: Logger;
  /** Largest accepted request body in bytes (Bun answers 413 beyond it). */
  bodyLimit?: number;
  description?: string;
}

const HEALTH_PATHS = new Set(["/v1/liveness", "/v1/readiness", "/livez", "/readyz"]);

/** Health routes alone: mounted on the main app and served again on READINESS_PORT. */
function healthRoutes(health: Health) {
  const live = () => ({ status: "ok" });
  const ready = ({ set }: { set: { status?: number | string } }) => {
    if (health.ready) return { status: "ok" };
    set.status = 503;
    return { status: "not ready", reason: health.notReadyReason };
  };
  return new Elysia({ name: "health" })
    .get("/v1/liveness", live, { detail: { tags: ["health"], summary: "Process is alive" } })
    .get("/livez", live, { detail: { tags: ["health"], summary: "Process is alive" } })
    .get("/v1/readiness", ready, { detail: { tags: ["health"], summary: "503 until the component is ready" } })
    .get("/readyz", ready, { detail: { tags: ["health"], summary: "503 until the component is ready" } });
}

/**
 * The Elysia app every component starts from: swagger, health, metrics, JSON errors and request
 * metrics. Components add their routes to `app`, then call `serve()`.
 */
export function createServiceApp(options: ServiceOptions) {
  const health = new Health();
  const metrics = new ServiceMetrics(options.component);
  const started = new WeakMap<Request, number>();
  const app = new Elysia({ serve: { maxRequestBodySize: options.bodyLimit ?? 8 * 1024 * 1024 } })
    .use(
      swagger({
        path: "/swagger",
        specPath: "/swagger/json",
        exclude: [/^\/swagger/],
        documentation: { info: { title: `ks ${options.component}`, version: VERSION, description: options.description } },
      }),
    )
    .onRequest(({ request }) => {
      started.set(request, performance.now());
    })
    .onError(({ code, error, set, path }) => {
      const { status, body } = toErrorResponse(code, error, path);
      if (status >= 500) options.logger.error({ err: error, path }, "request failed");
      set.status = status;
      set.headers["content-type"] = "application/json";
      return body;
    })
    .onAfterResponse(({ request, route, set }) => {
      const t0 = started.get(request);
      const method = request.method;
      const routeLabel = route || "unmatched";
      metrics.requests.inc({ method, route: routeLabel, status: String(set.status ?? 200) });
      if (t0 !== undefined) metrics.duration.observe({ method, route: routeLabel }, (performance.now() - t0) / 1000);
    })
    .use(healthRoutes(health))
    .get(
      "/metrics",
      async ({ set }) => {
        set.headers["content-type"] = metrics.registry.contentType;
        return await metrics.registry.metrics();
      },
      { detail: { tags: ["health"], summary: "Prometheus metrics" } },
    );
  return { app, health, metrics };
}

export interface ServeOptions {
  port: number;
  hostname?: string;
  /** Also answer the health routes on this port (the chart's probes use it). */
  readinessPort?: number;
  /** Run when SIGTERM/SIGINT arrives, after the listener stops accepting. */
  onShutdown?: () => Promise<void> | void;
  /** Hard cap for draining before exiting anyway. */
  drainTimeoutMs?: number;
  /** Install SIGTERM/SIGINT handlers (off in tests that start several services in one process). */
  handleSignals?: boolean;
}

export interface RunningService {
  port: number;
  url: string;
  stop(): Promise<void>;
}

/** The part of an Elysia app that serving needs (structural, so any route set fits). */
interface AnyElysia {
  listen(options: { port: number; hostname: string }): unknown;
  readonly server: ReturnType<typeof Bun.serve> | null;
  handle(request: Request): Promise<Response>;
}

/** Starts the app (and the readiness listener) and wires graceful shutdown. */
export function serve(app: AnyElysia, health: Health, logger: Logger, options: ServeOptions): RunningService {
  const hostname = options.hostname ?? process.env.BIND_ADDRESS ?? "0.0.0.0";
  app.listen({ port: options.port, hostname });
  const server = app.server;
  if (!server) throw new Error("server did not start");
  let readinessServer: ReturnType<typeof Bun.serve> | undefined;
  if (options.readinessPort !== undefined && options.readinessPort !== options.port) {
    readinessServer = Bun.serve({
      port: options.readinessPort,
      hostname,
      fetch: (req) => {
        const path = new URL(req.url).pathname;
        return HEALTH_PATHS.has(path) ? app.handle(req) : new Response('{"error":"not found"}', { status: 404 });
      },
    });
  }
  const port = server.port ?? options.port;
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      health.setNotReady("shutting down");
      const deadline = options.drainTimeoutMs ?? 8000;
      const drained = (async () => {
        // stop(false): no new connections, in-flight requests finish.
        const closing = server.stop(false);
        await options.onShutdown?.();
        await closing;
      })();
      const timedOut = await Promise.race([drained.then(() => false), Bun.sleep(deadline).then(() => true)]);
      if (timedOut) logger.warn({ deadlineMs: deadline }, "drain timed out; closing remaining connections");
      server.stop(true);
      readinessServer?.stop(true);
    })();
    return stopping;
  };
  if (options.handleSignals ?? true) {
    const onSignal = (signal: string) => {
      logger.info({ signal }, "shutting down");
      void stop().then(() => process.exit(0));
    };
    process.once("SIGTERM", () => onSignal("SIGTERM"));
    process.once("SIGINT", () => onSignal("SIGINT"));
  }
  logger.info({ port, readinessPort: options.readinessPort }, "listening");
  return { port, url: `http://127.0.0.1:${port}`, stop };
}
