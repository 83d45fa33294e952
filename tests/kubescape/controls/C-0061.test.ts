import { expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0061-pods-in-default-namespace.ts";
import { c, deployment, failedPaths, fixPaths, pod, run } from "./lib/objectFixtures.ts";

test("C-0061: default namespace fails on metadata.namespace; no namespace gets a fix; others pass", () => {
  const r = run(control, [
    deployment("in-default", { containers: [c("a")] }, { namespace: "default" }),
    pod("unset", { containers: [c("a")] }, { namespace: undefined }),
    pod("fine", { containers: [c("a")] }),
  ]);
  expect(failedPaths(r.get("Deployment/in-default"))).toEqual(["metadata.namespace"]);
  expect(fixPaths(r.get("Pod/unset"))).toEqual([{ path: "metadata.namespace", value: "YOUR_NAMESPACE" }]);
  expect(r.get("Pod/fine")?.status).toBe("passed");
});
