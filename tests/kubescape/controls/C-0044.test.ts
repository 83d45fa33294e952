import { expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0044-container-hostport.ts";
import { c, deletePaths, deployment, failedPaths, run } from "./lib/objectFixtures.ts";

test("C-0044: a container port with hostPort fails (failed and delete path), containerPort only passes", () => {
  const r = run(control, [
    deployment("bad", { containers: [c("a", { ports: [{ containerPort: 80 }] }), c("b", { ports: [{ containerPort: 80 }, { containerPort: 443, hostPort: 8443 }] })] }),
    deployment("good", { containers: [c("a", { ports: [{ containerPort: 80 }] })] }),
  ]);
  expect(failedPaths(r.get("Deployment/bad"))).toEqual(["spec.template.spec.containers[1].ports[1].hostPort"]);
  expect(deletePaths(r.get("Deployment/bad"))).toEqual(["spec.template.spec.containers[1].ports[1].hostPort"]);
  expect(r.get("Deployment/good")?.status).toBe("passed");
});
