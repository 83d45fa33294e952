import { expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0078-images-from-allowed-registry.ts";
import { DEFAULT_CONTROL_INPUTS } from "../../../src/kubescape/engine/defaultInputs.ts";
import { c, cronJob, failedPaths, reviewPaths, run } from "./lib/objectFixtures.ts";

test("C-0078: images outside imageRepositoryAllowList fail; allowed ones pass; an empty list allows nothing", () => {
  const objs = [
    cronJob("mixed", { containers: [c("a", { image: "registry.example.com/app:1" }), c("b", { image: "busybox" })] }),
    cronJob("ok", { containers: [c("a", { image: "registry.example.com/team/app:2" })] }),
  ];
  const r = run(control, objs, { ...DEFAULT_CONTROL_INPUTS, imageRepositoryAllowList: ["registry.example.com/"] });
  const p = "spec.jobTemplate.spec.template.spec.containers[1].image";
  expect(failedPaths(r.get("CronJob/mixed"))).toEqual([p]);
  expect(reviewPaths(r.get("CronJob/mixed"))).toEqual([p]);
  expect(r.get("CronJob/ok")?.status).toBe("passed");
  expect(run(control, objs).get("CronJob/ok")?.status).toBe("failed");
  expect(run(control, objs, { ...DEFAULT_CONTROL_INPUTS, imageRepositoryAllowList: ["docker.io/library/"] }).get("CronJob/mixed")?.paths).toHaveLength(1);
});
