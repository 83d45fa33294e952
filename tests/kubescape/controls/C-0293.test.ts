import { describe, expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0293-service-with-no-workload.ts";
import { deployment, failedPaths, run } from "./upperRangeKit.ts";

const svc = (name: string, selector?: Record<string, string>, type?: string) => ({ apiVersion: "v1", kind: "Service", metadata: { name, namespace: "apps" }, spec: { ...(selector ? { selector } : {}), ...(type ? { type } : {}) } });
describe("C-0293 service with no workload", () => {
  test("fails a selector matching nothing (label drift)", () => {
    expect(failedPaths(run(control, [deployment("web", { containers: [] }), svc("s", { app: "wbe" })]).failed.get("Service/s"))).toEqual(["spec.selector"]);
  });
  test("passes matching, selector-less and ExternalName services", () => {
    const out = run(control, [deployment("web", { containers: [] }), svc("a", { app: "web" }), svc("b"), svc("c", { x: "y" }, "ExternalName")]);
    expect([...out.passed]).toEqual(["Service/a"]);
    expect(out.failed.size).toBe(0);
  });
});
