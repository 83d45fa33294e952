import { describe, expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0274-verify-authenticated-service.ts";
import { deployment, run } from "./upperRangeKit.ts";

const svc = { apiVersion: "v1", kind: "Service", metadata: { name: "db", namespace: "apps" }, spec: { selector: { app: "db" }, ports: [{ port: 5432 }] } };
const scan = (authenticated: boolean) => ({ apiVersion: "kubescape.io/v1", kind: "ServiceScanResult", metadata: { name: "db", namespace: "apps" }, spec: { ports: [{ port: 5432, applicationLayer: "postgres", authenticated }] } });
describe("C-0274 authenticated services", () => {
  test("fails the workload behind an unauthenticated service", () => {
    expect(run(control, [deployment("db", { containers: [] }), svc, scan(false)]).failed.has("Deployment/db")).toBe(true);
  });
  test("passes authenticated services; no scan results means nothing to report", () => {
    expect(run(control, [deployment("db", { containers: [] }), svc, scan(true)]).passed.has("Deployment/db")).toBe(true);
    const none = run(control, [deployment("db", { containers: [] }), svc]);
    expect(none.failed.size + none.passed.size).toBe(0);
  });
});
