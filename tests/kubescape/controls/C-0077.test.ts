import { expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0077-k8s-common-labels-usage.ts";
import { c, cronJob, fixPaths, run } from "./lib/objectFixtures.ts";

test("C-0077: app.kubernetes.io labels are needed on the workload and its template", () => {
  const r = run(control, [
    cronJob("half", { containers: [c("a")] }, { labels: { "app.kubernetes.io/name": "half" } }),
    {
      ...cronJob("full", { containers: [c("a")] }, { labels: { "app.kubernetes.io/name": "full" } }),
      spec: {
        jobTemplate: { spec: { template: { metadata: { labels: { "app.kubernetes.io/instance": "full" } }, spec: { containers: [c("a")] } } } },
      },
    },
  ]);
  expect(fixPaths(r.get("CronJob/half"))).toEqual([{ path: "spec.jobTemplate.spec.template.metadata.labels[app.kubernetes.io/name]", value: "YOUR_VALUE" }]);
  expect(r.get("CronJob/full")?.status).toBe("passed");
});
