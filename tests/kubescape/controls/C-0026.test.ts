import { expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0026-kubernetes-cronjob.ts";
import { c, cronJob, deployment, run } from "./lib/objectFixtures.ts";

test("C-0026: every CronJob is listed as failed; other workloads are not evaluated", () => {
  const r = run(control, [cronJob("backup", { containers: [c("a")] }), deployment("web", { containers: [c("a")] })]);
  expect(r.get("CronJob/backup")?.status).toBe("failed");
  expect(r.has("Deployment/web")).toBe(false);
});
