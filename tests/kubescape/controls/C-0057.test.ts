import { expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0057-privileged-container.ts";
import { c, deployment, failedPaths, run } from "./lib/objectFixtures.ts";

test("C-0057: privileged: true fails; privileged: false passes", () => {
  const r = run(control, [
    deployment("bad", { containers: [c("a"), c("b", { securityContext: { privileged: true } })] }),
    deployment("good", { containers: [c("a", { securityContext: { privileged: false } })] }),
  ]);
  expect(failedPaths(r.get("Deployment/bad"))).toEqual(["spec.template.spec.containers[1].securityContext.privileged"]);
  expect(r.get("Deployment/good")?.status).toBe("passed");
});
