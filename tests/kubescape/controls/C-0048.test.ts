import { expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0048-hostpath-mount.ts";
import { c, deletePaths, failedPaths, pod, run, workload } from "./lib/objectFixtures.ts";

test("C-0048: a hostPath volume fails with the volume and every mount of it; other volumes pass", () => {
  const r = run(control, [
    workload("StatefulSet", "bad", {
      volumes: [{ name: "e", emptyDir: {} }, { name: "h", hostPath: { path: "/etc" } }],
      initContainers: [c("i", { volumeMounts: [{ name: "h", mountPath: "/h" }] })],
      containers: [c("a", { volumeMounts: [{ name: "e", mountPath: "/e" }, { name: "h", mountPath: "/conf", subPath: "conf" }, { name: "h", mountPath: "/state", subPath: "state" }] })],
    }),
    workload("StatefulSet", "good", { volumes: [{ name: "e", emptyDir: {} }], containers: [c("a")] }),
    pod("unmounted", { volumes: [{ name: "h", hostPath: { path: "/var" } }], containers: [c("a")] }),
  ]);
  const expected = [
    "spec.template.spec.volumes[1]",
    "spec.template.spec.containers[0].volumeMounts[1]",
    "spec.template.spec.containers[0].volumeMounts[2]",
    "spec.template.spec.initContainers[0].volumeMounts[0]",
  ];
  expect(failedPaths(r.get("StatefulSet/bad"))).toEqual(expected);
  expect(deletePaths(r.get("StatefulSet/bad"))).toEqual(expected);
  expect(r.get("StatefulSet/good")?.status).toBe("passed");
  expect(failedPaths(r.get("Pod/unmounted"))).toEqual(["spec.volumes[0]"]);
});
