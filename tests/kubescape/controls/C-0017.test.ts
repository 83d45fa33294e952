import { expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0017-immutable-container-filesystem.ts";
import { c, fixPaths, pod, run } from "./lib/objectFixtures.ts";

test("C-0017: readOnlyRootFilesystem absent or false gets a fix; true passes", () => {
  const r = run(control, [
    pod("bad", { containers: [c("a", { securityContext: { readOnlyRootFilesystem: true } }), c("b"), c("c", { securityContext: { readOnlyRootFilesystem: false } })] }),
    pod("good", { containers: [c("a", { securityContext: { readOnlyRootFilesystem: true } })] }),
  ]);
  expect(fixPaths(r.get("Pod/bad"))).toEqual([
    { path: "spec.containers[1].securityContext.readOnlyRootFilesystem", value: "true" },
    { path: "spec.containers[2].securityContext.readOnlyRootFilesystem", value: "true" },
  ]);
  expect(r.get("Pod/good")?.status).toBe("passed");
});

test("C-0017: init containers get their own fix", () => {
  const r = run(control, [pod("init", { initContainers: [c("i")], containers: [c("a", { securityContext: { readOnlyRootFilesystem: true } })] })]);
  expect(fixPaths(r.get("Pod/init"))).toEqual([{ path: "spec.initContainers[0].securityContext.readOnlyRootFilesystem", value: "true" }]);
});
