import { expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0076-label-usage-for-resources.ts";
import { c, deployment, fixPaths, pod, run } from "./lib/objectFixtures.ts";

test("C-0076: workload and template each need a recommended label", () => {
  const r = run(control, [
    deployment("no-wl-label", { containers: [c("a")] }, { labels: { team: "x" } }),
    deployment("labelled", { containers: [c("a")] }, { labels: { app: "labelled" } }),
    pod("bare", { containers: [c("a")] }),
  ]);
  expect(fixPaths(r.get("Deployment/no-wl-label"))).toEqual([{ path: "metadata.labels[app]", value: "YOUR_VALUE" }]);
  expect(r.get("Deployment/labelled")?.status).toBe("passed");
  expect(fixPaths(r.get("Pod/bare"))).toEqual([{ path: "metadata.labels[app]", value: "YOUR_VALUE" }]);
});
