import { describe, expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0013-non-root-containers.ts";
import { c, deployment, fixPaths, pod, run } from "./lib/objectFixtures.ts";

describe("C-0013 non-root containers", () => {
  test("nothing set: fixes for runAsNonRoot and runAsGroup on the container", () => {
    const r = run(control, [deployment("d", { containers: [c("a")] })]);
    expect(fixPaths(r.get("Deployment/d"))).toEqual([
      { path: "spec.template.spec.containers[0].securityContext.runAsNonRoot", value: "true" },
      { path: "spec.template.spec.containers[0].securityContext.runAsGroup", value: "1000" },
    ]);
  });

  test("runAsUser 0 and runAsGroup 0 at pod level are fixed where they are set", () => {
    const r = run(control, [pod("p", { securityContext: { runAsUser: 0, runAsGroup: 0 }, containers: [c("a")] })]);
    expect(fixPaths(r.get("Pod/p"))).toEqual([
      { path: "spec.securityContext.runAsUser", value: "1000" },
      { path: "spec.securityContext.runAsGroup", value: "1000" },
    ]);
  });

  test("pod-level runAsNonRoot and runAsGroup cover every container; non-zero user without runAsNonRoot passes", () => {
    const r = run(control, [
      pod("p", { securityContext: { runAsNonRoot: true, runAsGroup: 3000 }, containers: [c("a"), c("b")] }),
      pod("u", { containers: [c("a", { securityContext: { runAsUser: 1001, runAsGroup: 1001 } })] }),
    ]);
    expect(r.get("Pod/p")?.status).toBe("passed");
    expect(r.get("Pod/u")?.status).toBe("passed");
  });

  test("init containers are checked with their own paths", () => {
    const r = run(control, [
      pod("i", {
        securityContext: { runAsGroup: 2000 },
        initContainers: [c("init", { securityContext: { runAsNonRoot: false } })],
        containers: [c("a", { securityContext: { runAsNonRoot: true } })],
      }),
    ]);
    expect(fixPaths(r.get("Pod/i"))).toEqual([{ path: "spec.initContainers[0].securityContext.runAsNonRoot", value: "true" }]);
  });
});
