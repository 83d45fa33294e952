import { expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0073-naked-pods.ts";
import { c, deployment, pod, run } from "./lib/objectFixtures.ts";

test("C-0073: pods without owners fail; owned pods pass; controllers are not evaluated", () => {
  const r = run(control, [
    pod("naked", { containers: [c("a")] }),
    pod("owned", { containers: [c("a")] }, { ownerReferences: [{ apiVersion: "apps/v1", kind: "ReplicaSet", name: "rs", controller: true }] }),
    deployment("d", { containers: [c("a")] }),
  ]);
  expect(r.get("Pod/naked")?.status).toBe("failed");
  expect(r.get("Pod/owned")?.status).toBe("passed");
  expect(r.has("Deployment/d")).toBe(false);
});
