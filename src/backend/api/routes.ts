import { Elysia } from "elysia";
import { z } from "zod";
import { HttpError } from "../../common/errors.ts";
import { documented } from "../../common/http/schema.ts";
import { checkAdmin } from "../auth/admin.ts";
import { generateApiKey } from "../auth/apiKeys.ts";
import { LoginLimiter } from "../auth/loginLimiter.ts";
import { isHttps, sessionCookie } from "../auth/session.ts";
import { cronJobNameFor, operatorEnvelope, scanNowCommand, scheduleCommand, type ScanTarget, type ScheduleOp } from "../commands/scanCommands.ts";
import type { BackendContext } from "../context.ts";
import type { Schedule } from "../store/types.ts";
import { buildJobTree } from "./jobTree.ts";
import { adminSession, knownAccounts, requireAdmin, resolveViewer } from "./viewer.ts";
import type { Command } from "../../common/wire/commands.ts";
import { Cron } from "croner";

const DAY = 86_400_000;
const name = z.string().min(1).max(253);
const Account = { account: z.string().optional() };
const ClusterQuery = z.object({ ...Account, cluster: name });
const SEVERITIES = ["critical", "high", "medium", "low", "negligible", "unknown"] as const;
const ImageQuery = z.object({
  ...Account,
  cluster: z.string().optional(),
  namespace: z.string().optional(),
  severity: z.string().optional().describe("comma-separated: critical,high,medium,low,negligible,unknown"),
  fixable: z.enum(["true", "false"]).optional(),
  scanId: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(5000).optional(),
});
const ScheduleKindSchema = z.enum(["posture", "image", "registry"]);
const TargetSchema = z
  .object({
    frameworks: z.array(z.string().regex(/^[A-Za-z0-9_.-]+$/)).max(20).optional(),
    namespace: z.string().regex(/^[a-z0-9-]*$/).max(63).optional(),
    registryName: z.string().max(253).optional(),
    hostScanner: z.boolean().optional(),
  })
  .strict();
const cronSchema = z.string().refine((c) => {
  try {
    new Cron(c, { paused: true });
    return c.trim().split(/\s+/).length === 5;
  } catch {
    return false;
  }
}, "cron must be a valid 5-field cron expression, e.g. '0 3 * * *'");
const ScheduleInput = z.object({ cluster: name, kind: ScheduleKindSchema, name: z.string().min(1).max(100), cron: cronSchema, target: TargetSchema.default({}) });
const ScheduleChange = z.object({ name: z.string().min(1).max(100).optional(), cron: cronSchema.optional(), target: TargetSchema.optional() });
const ScanNowInput = z.object({ cluster: name, kind: ScheduleKindSchema, target: TargetSchema.default({}) });
const LoginInput = z.object({ user: z.string().min(1).max(200), password: z.string().min(1).max(1000) });

function parseSeverities(value: string | undefined): string[] | undefined {
  if (!value) return undefined;
  const list = value.split(",").map((s) => s.trim().toLowerCase()).filter(Boolean);
  const bad = list.find((s) => !(SEVERITIES as readonly string[]).includes(s));
  if (bad) throw new HttpError(400, `severity: unknown value "${bad}" (one of ${SEVERITIES.join(", ")})`, { field: "severity" });
  return list;
}

function validateTarget(kind: Schedule["kind"], target: ScanTarget) {
  if (kind === "registry" && !target.registryName) throw new HttpError(400, "target.registryName: required for registry scans", { field: "target.registryName" });
}

const tag = (t: string, summary: string) => ({ detail: { tags: [t], summary } });

/** The dashboard's API (`/api/v1`): read views, schedules and scan-now, admin and live updates. */
export function apiRoutes(ctx: BackendContext) {
  /** Sends commands to one cluster's operator through the master gateway; records them as jobs. */
  async function sendToCluster(account: string, cluster: string, commands: Command[]) {
    const delivery = ctx.broker.send(operatorEnvelope(account, cluster, commands));
    const now = Date.now();
    for (const c of commands) {
      const jobId = c.jobTracking?.jobID ?? crypto.randomUUID();
      await ctx.store.addJobEvent(account, {
        eventId: `${jobId}-sent`,
        jobId,
        parentId: "",
        cluster,
        reporter: "backend",
        action: c.commandName,
        status: delivery.clients > 0 ? "sent" : "not delivered",
        target: c.wildWlid ?? "",
        details: delivery.clients > 0 ? `delivered to ${delivery.clients} gateway client(s)` : "no gateway of this cluster is connected",
        errors: [],
        reportedAt: new Date(now).toISOString(),
        receivedAt: now,
      });
      ctx.live.publish({ type: "job", account, cluster, id: jobId });
    }
    ctx.logger.info({ account, cluster, commands: commands.map((c) => c.commandName), clients: delivery.clients, jobId: commands[0]?.jobTracking?.jobID }, "commands sent to cluster");
    return delivery.clients;
  }

  /** Clusters reachable now: a client registered for the cluster, or an edge gateway of the account (edges register with customerGUID only). */
  const connected = (account: string) => {
    const own = ctx.broker.clients().filter((c) => c.attributes.customerGUID === account);
    const anyEdge = own.some((c) => c.attributes.clusterName === undefined);
    const named = new Set(own.map((c) => c.attributes.clusterName));
    return { has: (cluster: string) => anyEdge || named.has(cluster) };
  };

  /** update/delete name one CronJob each; a posture schedule over several frameworks has several. */
  const perCronJob = (s: Schedule, op: ScheduleOp) =>
    s.cronjobName.split(",").filter(Boolean).map((name) => scheduleCommand(op, { ...s, cronjobName: name }, crypto.randomUUID(), new Date()));

  const logins = new LoginLimiter();
  const liveSockets = new WeakMap<Request, { account: string | null }>();

  return new Elysia({ name: "api", prefix: "/api/v1" })
    .post(
      "/login",
      ({ body, request, set, server }) => {
        if (!ctx.admin) throw new HttpError(503, "dashboard login is disabled: the server has no ADMIN_PASSWORD (or ADMIN_PASSWORD_FILE) configured");
        const client = server?.requestIP(request)?.address ?? "unknown";
        const wait = logins.retryAfter(client);
        if (wait > 0) {
          set.headers["retry-after"] = String(Math.ceil(wait / 1000));
          throw new HttpError(429, `too many failed sign-ins; try again in ${Math.ceil(wait / 1000)} s`);
        }
        if (!checkAdmin(ctx.admin, body.user, body.password)) {
          logins.fail(client);
          ctx.logger.warn({ client }, "failed dashboard sign-in");
          throw new HttpError(401, "wrong user or password");
        }
        logins.succeed(client);
        const token = ctx.sessions.issue(body.user);
        set.headers["set-cookie"] = sessionCookie(token, ctx.secureCookies || isHttps(request), Math.floor(ctx.sessions.ttlMs / 1000));
        return { user: body.user };
      },
      { body: documented(LoginInput), ...tag("session", "Admin sign-in: sets an HttpOnly, SameSite=Strict session cookie") },
    )
    .post(
      "/logout",
      ({ request, set }) => {
        set.headers["set-cookie"] = sessionCookie("", ctx.secureCookies || isHttps(request), 0);
        return { ok: true };
      },
      tag("session", "Sign out"),
    )
    .get(
      "/session",
      async ({ request }) => {
        const user = adminSession(ctx, request);
        if (!user) throw new HttpError(401, ctx.admin ? "not signed in" : "dashboard login is disabled: set ADMIN_PASSWORD");
        return { user, accounts: await knownAccounts(ctx) };
      },
      tag("session", "The signed-in admin and the accounts they can view"),
    )
    .get(
      "/apikeys",
      async ({ request, query }) => {
        requireAdmin(ctx, request);
        return ctx.store.listApiKeys(query.account);
      },
      { query: documented(z.object({ account: name })), ...tag("admin", "API keys of an account (labels and fingerprints only)") },
    )
    .post(
      "/apikeys",
      async ({ request, body }) => {
        requireAdmin(ctx, request);
        const key = generateApiKey();
        await ctx.store.createApiKey(body.account, body.label, key);
        return { account: body.account, label: body.label, key };
      },
      { body: documented(z.object({ account: name.regex(/^[A-Za-z0-9_.-]+$/), label: z.string().min(1).max(100) })), ...tag("admin", "Create an API key for an account (shown once)") },
    )
    .delete(
      "/apikeys",
      async ({ request, query }) => {
        requireAdmin(ctx, request);
        const removed = await ctx.store.deleteApiKeys(query.account, query.label);
        ctx.keys.forget();
        return { removed };
      },
      { query: documented(z.object({ account: name, label: z.string().min(1) })), ...tag("admin", "Revoke an account's API keys with this label") },
    )
    .get(
      "/clusters",
      async ({ request, query }) => {
        const v = await resolveViewer(ctx, request, query.account);
        const [clusters, scores, images] = await Promise.all([ctx.store.clusters(v.account), ctx.store.latestScores(v.account), ctx.store.imageScans(v.account, { limit: 5000 })]);
        const online = connected(v.account);
        return clusters.map((c) => {
          const own = images.filter((i) => i.cluster === c.name);
          return {
            ...c,
            connected: online.has(c.name),
            frameworks: scores.filter((s) => s.cluster === c.name).map((s) => ({ framework: s.framework, score: s.score, compliance: s.compliance, generatedAt: s.generatedAt })),
            images: own.length,
            critical: own.reduce((n, i) => n + i.critical, 0),
            high: own.reduce((n, i) => n + i.high, 0),
          };
        });
      },
      { query: documented(z.object(Account)), ...tag("posture", "Clusters with their latest framework scores and image risk") },
    )
    .get(
      "/posture",
      async ({ request, query }) => {
        const v = await resolveViewer(ctx, request, query.account);
        return ctx.store.latestScores(v.account, query.cluster);
      },
      { query: documented(z.object({ ...Account, cluster: z.string().optional() })), ...tag("posture", "Latest score per cluster and framework") },
    )
    .get(
      "/posture/trend",
      async ({ request, query }) => {
        const v = await resolveViewer(ctx, request, query.account);
        return ctx.store.scoreTrend(v.account, query.cluster, query.framework, Date.now() - (query.days ?? 30) * DAY);
      },
      { query: documented(ClusterQuery.extend({ framework: name, days: z.coerce.number().int().min(1).max(3650).optional() })), ...tag("posture", "Score history of one framework on one cluster") },
    )
    .get(
      "/controls",
      async ({ request, query }) => {
        const v = await resolveViewer(ctx, request, query.account);
        return ctx.store.controls(v.account, query.cluster, query.framework);
      },
      { query: documented(ClusterQuery.extend({ framework: z.string().optional() })), ...tag("posture", "Controls of the newest report, failing first") },
    )
    .get(
      "/controls/:controlId/resources",
      async ({ request, query, params }) => {
        const v = await resolveViewer(ctx, request, query.account);
        return ctx.store.controlResources(v.account, query.cluster, params.controlId);
      },
      { query: documented(ClusterQuery), params: documented(z.object({ controlId: z.string().regex(/^[A-Za-z0-9-]+$/) })), ...tag("posture", "Failing resources of a control, with failed paths and fixes") },
    )
    .get(
      "/images",
      async ({ request, query }) => {
        const v = await resolveViewer(ctx, request, query.account);
        return ctx.store.imageScans(v.account, { cluster: query.cluster, namespace: query.namespace, severity: parseSeverities(query.severity), fixable: query.fixable === "true" ? true : undefined, scanId: query.scanId, limit: query.limit });
      },
      { query: documented(ImageQuery), ...tag("vulnerabilities", "Scanned workload images with counts per severity") },
    )
    .get(
      "/vulnerabilities",
      async ({ request, query }) => {
        const v = await resolveViewer(ctx, request, query.account);
        return ctx.store.vulnerabilities(v.account, { cluster: query.cluster, namespace: query.namespace, severity: parseSeverities(query.severity), fixable: query.fixable === undefined ? undefined : query.fixable === "true", scanId: query.scanId, limit: query.limit });
      },
      { query: documented(ImageQuery), ...tag("vulnerabilities", "CVEs: filter by severity, fix available, namespace, cluster, scan") },
    )
    .get(
      "/inventory",
      async ({ request, query }) => {
        const v = await resolveViewer(ctx, request, query.account);
        return ctx.store.inventory(v.account, query.cluster, query.kind);
      },
      { query: documented(ClusterQuery.extend({ kind: z.string().optional() })), ...tag("inventory", "Cluster inventory reported by kollector") },
    )
    .get(
      "/registries",
      async ({ request, query }) => {
        const v = await resolveViewer(ctx, request, query.account);
        return ctx.store.registryRepositories(v.account, query.registry);
      },
      { query: documented(z.object({ ...Account, registry: z.string().optional() })), ...tag("inventory", "Repositories found in registries") },
    )
    .get(
      "/jobs",
      async ({ request, query }) => {
        const v = await resolveViewer(ctx, request, query.account);
        const events = await ctx.store.jobEvents(v.account, Date.now() - (query.days ?? 7) * DAY, 5000);
        return buildJobTree(events);
      },
      { query: documented(z.object({ ...Account, days: z.coerce.number().int().min(1).max(365).optional() })), ...tag("jobs", "Jobs as a tree by jobId/parentId") },
    )
    .get(
      "/schedules",
      async ({ request, query }) => {
        const v = await resolveViewer(ctx, request, query.account);
        return ctx.store.schedules(v.account);
      },
      { query: documented(z.object(Account)), ...tag("schedules", "Recurring scans") },
    )
    .post(
      "/schedules",
      async ({ request, query, body, set }) => {
        const v = await resolveViewer(ctx, request, query.account);
        if (!v.account) throw new HttpError(400, "account: no account to create the schedule in", { field: "account" });
        validateTarget(body.kind, body.target);
        const id = crypto.randomUUID();
        const now = Date.now();
        const jobId = crypto.randomUUID();
        const schedule: Schedule = { id, account: v.account, cluster: body.cluster, kind: body.kind, name: body.name, cron: body.cron, target: body.target, cronjobName: cronJobNameFor(body.kind, id, body.target), pendingJobId: jobId, createdAt: now, updatedAt: now };
        await ctx.store.saveSchedule(schedule);
        const delivered = await sendToCluster(v.account, body.cluster, [scheduleCommand("set", schedule, jobId, new Date(now))]);
        ctx.live.publish({ type: "schedule", account: v.account, cluster: body.cluster, id });
        set.status = 201;
        return { ...schedule, delivered };
      },
      { query: documented(z.object(Account)), body: documented(ScheduleInput), ...tag("schedules", "Create a recurring scan (sends set…CronJob to the cluster)") },
    )
    .put(
      "/schedules/:id",
      async ({ request, query, params, body }) => {
        const v = await resolveViewer(ctx, request, query.account);
        const old = await ctx.store.schedule(v.account, params.id);
        if (!old) throw new HttpError(404, `schedule ${params.id} not found`);
        const next: Schedule = { ...old, ...(body.name ? { name: body.name } : {}), ...(body.cron ? { cron: body.cron } : {}), ...(body.target ? { target: body.target } : {}), updatedAt: Date.now() };
        validateTarget(next.kind, next.target as ScanTarget);
        await ctx.store.saveSchedule(next);
        const delivered = await sendToCluster(v.account, next.cluster, perCronJob(next, "update"));
        ctx.live.publish({ type: "schedule", account: v.account, cluster: next.cluster, id: next.id });
        return { ...next, delivered };
      },
      { query: documented(z.object(Account)), params: documented(z.object({ id: z.string().min(1) })), body: documented(ScheduleChange), ...tag("schedules", "Change a recurring scan (sends update…CronJob)") },
    )
    .delete(
      "/schedules/:id",
      async ({ request, query, params }) => {
        const v = await resolveViewer(ctx, request, query.account);
        const old = await ctx.store.schedule(v.account, params.id);
        if (!old) throw new HttpError(404, `schedule ${params.id} not found`);
        await ctx.store.deleteSchedule(v.account, params.id);
        const delivered = await sendToCluster(v.account, old.cluster, perCronJob(old, "delete"));
        ctx.live.publish({ type: "schedule", account: v.account, cluster: old.cluster, id: old.id });
        return { deleted: true, delivered };
      },
      { query: documented(z.object(Account)), params: documented(z.object({ id: z.string().min(1) })), ...tag("schedules", "Delete a recurring scan (sends delete…CronJob)") },
    )
    .post(
      "/scans",
      async ({ request, query, body, set }) => {
        const v = await resolveViewer(ctx, request, query.account);
        validateTarget(body.kind, body.target);
        const jobId = crypto.randomUUID();
        const delivered = await sendToCluster(v.account, body.cluster, [scanNowCommand(body.kind, body.cluster, body.target, jobId, new Date())]);
        if (delivered === 0) throw new HttpError(409, `cluster ${body.cluster} is not connected to the master gateway`, { jobId });
        set.status = 202;
        return { jobId, delivered };
      },
      { query: documented(z.object(Account)), body: documented(ScanNowInput), ...tag("schedules", "Scan now: sends kubescapeScan / scan / scanRegistry to the cluster") },
    )
    .ws("/live", {
      detail: { tags: ["live"], summary: "Live updates: one JSON event per change (admin session or X-API-KEY)" },
      async beforeHandle({ request }) {
        const v = await resolveViewer(ctx, request, new URL(request.url).searchParams.get("account") ?? undefined);
        liveSockets.set(request, { account: v.admin ? null : v.account });
      },
      open(ws) {
        const s = liveSockets.get(ws.data.request);
        if (!s) return ws.close();
        const unsubscribe = ctx.live.subscribe(s.account, (text) => ws.send(text));
        (ws.data as unknown as { unsubscribe?: () => void }).unsubscribe = unsubscribe;
        liveUnsubscribers.set(ws.raw as object, unsubscribe);
      },
      close(ws) {
        liveUnsubscribers.get(ws.raw as object)?.();
      },
    });
}

const liveUnsubscribers = new WeakMap<object, () => void>();
