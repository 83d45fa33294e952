import { expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0046-insecure-capabilities.ts";
import { DEFAULT_CONTROL_INPUTS } from "../../../src/kubescape/engine/defaultInputs.ts";
import { c, cronJob, failedPaths, run } from "./lib/objectFixtures.ts";

test("C-0046: added insecure capabilities fail per index; safe adds pass; the input list is honoured", () => {
  const objs = [
    cronJob("bad", { containers: [c("a", { securityContext: { capabilities: { add: ["CHOWN", "SYS_ADMIN"] } } })] }),
    cronJob("good", { containers: [c("a", { securityContext: { capabilities: { add: ["CHOWN"], drop: ["ALL"] } } })] }),
  ];
  const r = run(control, objs);
  expect(failedPaths(r.get("CronJob/bad"))).toEqual(["spec.jobTemplate.spec.template.spec.containers[0].securityContext.capabilities.add[1]"]);
  expect(r.get("CronJob/good")?.status).toBe("passed");
  const custom = run(control, objs, { ...DEFAULT_CONTROL_INPUTS, insecureCapabilities: ["CHOWN"] });
  expect(custom.get("CronJob/good")?.status).toBe("failed");
});

test("C-0046: init containers count, with failed and delete paths", () => {
  const r = run(control, [cronJob("init", { initContainers: [c("i", { securityContext: { capabilities: { add: ["NET_RAW"] } } })], containers: [c("a")] })]);
  const p = "spec.jobTemplate.spec.template.spec.initContainers[0].securityContext.capabilities.add[0]";
  expect(r.get("CronJob/init")?.paths).toEqual([{ failedPath: p, deletePath: p }]);
});
