import { expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0048-hostpath-mount.ts";
import { c, deletePaths, failedPaths, run, workload } from "./lib/objectFixtures.ts";

test("C-0048: any hostPath volume fails, other volumes pass", () => {
  const r = run(control, [
    workload("StatefulSet", "bad", { volumes: [{ name: "e", emptyDir: {} }, { name: "h", hostPath: { path: "/etc" } }], containers: [c("a")] }),
    workload("StatefulSet", "good", { volumes: [{ name: "e", emptyDir: {} }], containers: [c("a")] }),
  ]);
  expect(failedPaths(r.get("StatefulSet/bad"))).toEqual(["spec.template.spec.volumes[1].hostPath.path"]);
  expect(deletePaths(r.get("StatefulSet/bad"))).toEqual(["spec.template.spec.volumes[1].hostPath.path"]);
  expect(r.get("StatefulSet/good")?.status).toBe("passed");
});
