import { Elysia } from "elysia";
import type { BackendContext } from "../context.ts";
import { dashboardClient } from "./client.ts";
import { DASHBOARD_CSS, DASHBOARD_HTML } from "./page.ts";

// Everything is in memory: no CDN, no files on disk, so a compiled binary serves it too.
const CLIENT_JS = `"use strict";(${dashboardClient.toString()})();`;

const SECURITY_HEADERS = {
  "content-security-policy": "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
  "x-content-type-options": "nosniff",
  "referrer-policy": "same-origin",
  "x-frame-options": "DENY",
};

const asset = (body: string, type: string) => new Response(body, { headers: { "content-type": type, "cache-control": "no-cache", ...SECURITY_HEADERS } });

/** The dashboard at `/`: one HTML shell, one script, one stylesheet. */
export function dashboardRoutes(_ctx: BackendContext) {
  return new Elysia({ name: "dashboard" })
    .get("/", () => asset(DASHBOARD_HTML, "text/html; charset=utf-8"), { detail: { hide: true } })
    .get("/assets/app.js", () => asset(CLIENT_JS, "text/javascript; charset=utf-8"), { detail: { hide: true } })
    .get("/favicon.ico", () => new Response(null, { status: 204 }), { detail: { hide: true } })
    .get("/assets/app.css", () => asset(DASHBOARD_CSS, "text/css; charset=utf-8"), { detail: { hide: true } });
}
