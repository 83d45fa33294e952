import { expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0057-privileged-container.ts";
import { c, deletePaths, deployment, failedPaths, run } from "./lib/objectFixtures.ts";

test("C-0057: privileged: true or SYS_ADMIN fails (failed and delete paths); privileged: false passes", () => {
  const r = run(control, [
    deployment("bad", { containers: [c("a"), c("b", { securityContext: { privileged: true, capabilities: { add: ["NET_BIND_SERVICE", "SYS_ADMIN"] } } })] }),
    deployment("sysadmin", { containers: [c("a", { securityContext: { capabilities: { add: ["SYS_ADMIN"] } } })] }),
    deployment("good", { containers: [c("a", { securityContext: { privileged: false, capabilities: { add: ["NET_BIND_SERVICE"] } } })] }),
  ]);
  const expected = ["spec.template.spec.containers[1].securityContext.capabilities.add[1]", "spec.template.spec.containers[1].securityContext.privileged"];
  expect(failedPaths(r.get("Deployment/bad"))).toEqual(expected);
  expect(deletePaths(r.get("Deployment/bad"))).toEqual(expected);
  expect(failedPaths(r.get("Deployment/sysadmin"))).toEqual(["spec.template.spec.containers[0].securityContext.capabilities.add[0]"]);
  expect(r.get("Deployment/good")?.status).toBe("passed");
});

test("C-0057: init and ephemeral containers are checked with their own paths", () => {
  const r = run(control, [
    deployment("init", { initContainers: [c("i", { securityContext: { privileged: true } })], ephemeralContainers: [c("e", { securityContext: { capabilities: { add: ["SYS_ADMIN"] } } })], containers: [c("a")] }),
  ]);
  expect(failedPaths(r.get("Deployment/init"))).toEqual([
    "spec.template.spec.initContainers[0].securityContext.privileged",
    "spec.template.spec.ephemeralContainers[0].securityContext.capabilities.add[0]",
  ]);
});
