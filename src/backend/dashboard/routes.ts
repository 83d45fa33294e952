import { Elysia } from "elysia";
import type { BackendContext } from "../context.ts";
export function dashboardRoutes(_ctx: BackendContext) {
  return new Elysia({ name: "dashboard" });
}
