import { describe, expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0210-seccomp-runtime-default.ts";
import { deployment, failedPaths, fixPaths, pod, run } from "./upperRangeKit.ts";

describe("C-0210 seccomp RuntimeDefault", () => {
  test("fails Unconfined containers and unset profiles", () => {
    const out = run(control, [
      pod("p", { containers: [{ name: "a", securityContext: { seccompProfile: { type: "Unconfined" } } }, { name: "b" }] }),
      deployment("d", { securityContext: { seccompProfile: { type: "Localhost" } }, containers: [{ name: "a" }] }),
    ]);
    expect(failedPaths(out.failed.get("Pod/p"))).toEqual(["spec.containers[0].securityContext.seccompProfile.type"]);
    expect(fixPaths(out.failed.get("Pod/p"))).toEqual([{ path: "spec.containers[1].securityContext.seccompProfile.type", value: "RuntimeDefault" }]);
    expect(failedPaths(out.failed.get("Deployment/d"))).toEqual(["spec.template.spec.securityContext.seccompProfile.type"]);
  });
  test("passes pod-level RuntimeDefault", () => {
    expect(run(control, [pod("p", { securityContext: { seccompProfile: { type: "RuntimeDefault" } }, containers: [{ name: "a" }] })]).passed.has("Pod/p")).toBe(true);
  });
});
