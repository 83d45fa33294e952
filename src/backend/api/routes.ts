import { Elysia } from "elysia";
import type { BackendContext } from "../context.ts";
export function apiRoutes(_ctx: BackendContext) {
  return new Elysia({ name: "api" });
}
