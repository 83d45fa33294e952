import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { z } from "zod";
import { createServiceApp, serve, type RunningService } from "../../src/common/http/service.ts";
import { documented } from "../../src/common/http/schema.ts";
import { silentLogger } from "../../src/common/log.ts";

const ScanBody = z.object({ targetType: z.enum(["framework", "control"]), targetNames: z.array(z.string()).min(1) });

let running: RunningService;
let readinessUrl: string;
let health: ReturnType<typeof createServiceApp>["health"];

beforeAll(async () => {
  const svc = createServiceApp({ component: "kit-test", logger: silentLogger, bodyLimit: 1024 });
  health = svc.health;
  svc.app.post("/v1/scan", ({ body }) => ({ accepted: body.targetNames.length }), { body: documented(ScanBody) });
  const readinessPort = 20000 + Math.floor(Math.random() * 20000);
  running = serve(svc.app, svc.health, silentLogger, { port: 0, hostname: "127.0.0.1", readinessPort, handleSignals: false });
  readinessUrl = `http://127.0.0.1:${readinessPort}`;
});
afterAll(() => running.stop());

describe("service kit", () => {
  test("liveness answers; readiness is 503 until the component is ready", async () => {
    expect((await fetch(`${running.url}/v1/liveness`)).status).toBe(200);
    expect((await fetch(`${running.url}/livez`)).status).toBe(200);
    const notReady = await fetch(`${running.url}/readyz`);
    expect(notReady.status).toBe(503);
    expect((await notReady.json()).reason).toBe("starting");
    health.setReady();
    expect((await fetch(`${running.url}/v1/readiness`)).status).toBe(200);
    expect((await fetch(`${readinessUrl}/readyz`)).status).toBe(200);
    expect((await fetch(`${readinessUrl}/v1/scan`, { method: "POST" })).status).toBe(404);
  });

  test("serves an OpenAPI document that describes the zod body", async () => {
    const doc = await (await fetch(`${running.url}/swagger/json`)).json();
    expect(doc.openapi).toMatch(/^3\./);
    const schema = doc.paths["/v1/scan"].post.requestBody.content["application/json"].schema;
    expect(schema.type).toBe("object");
    expect(schema.required).toEqual(["targetType", "targetNames"]);
    expect(schema.properties.targetType.enum).toEqual(["framework", "control"]);
    expect((await fetch(`${running.url}/swagger`)).headers.get("content-type")).toContain("text/html");
  });

  test("a valid body is accepted", async () => {
    const res = await fetch(`${running.url}/v1/scan`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ targetType: "framework", targetNames: ["nsa"] }) });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ accepted: 1 });
  });

  test("a wrong-typed body is a 400 JSON error naming the field", async () => {
    const res = await fetch(`${running.url}/v1/scan`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ targetType: "framework", targetNames: "nsa" }) });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error).toBe("validation");
    expect(body.field).toBe("targetNames");
  });

  test("a malformed body is a 400 JSON error", async () => {
    const res = await fetch(`${running.url}/v1/scan`, { method: "POST", headers: { "content-type": "application/json" }, body: "{not json" });
    expect(res.status).toBe(400);
    expect((await res.json()).error).toBe("malformed body");
  });

  test("an oversized body is refused", async () => {
    const res = await fetch(`${running.url}/v1/scan`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ targetType: "framework", targetNames: ["x".repeat(5000)] }) });
    expect(res.status).toBe(413);
  });

  test("unknown routes are 404 JSON; metrics count requests", async () => {
    const res = await fetch(`${running.url}/nope`);
    expect(res.status).toBe(404);
    expect((await res.json()).error).toBe("not found");
    const metrics = await (await fetch(`${running.url}/metrics`)).text();
    expect(metrics).toMatch(/ks_http_requests_total\{[^}]*route="\/v1\/scan"[^}]*status="400"[^}]*\} [1-9]/);
  });
});
