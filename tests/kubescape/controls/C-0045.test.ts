import { expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0045-writable-hostpath-mount.ts";
import { c, fixPaths, pod, run } from "./lib/objectFixtures.ts";

test("C-0045: writable hostPath mounts fail; readOnly mounts and non-hostPath volumes pass", () => {
  const volumes = [{ name: "host", hostPath: { path: "/var/log" } }, { name: "tmp", emptyDir: {} }];
  const r = run(control, [
    pod("implicit", { volumes, containers: [c("a", { volumeMounts: [{ name: "tmp", mountPath: "/tmp" }, { name: "host", mountPath: "/h" }] })] }),
    pod("explicit", { volumes, containers: [c("a", { volumeMounts: [{ name: "host", mountPath: "/h", readOnly: false }] })] }),
    pod("ro", { volumes, containers: [c("a", { volumeMounts: [{ name: "host", mountPath: "/h", readOnly: true }, { name: "tmp", mountPath: "/tmp" }] })] }),
  ]);
  expect(fixPaths(r.get("Pod/implicit"))).toEqual([{ path: "spec.containers[0].volumeMounts[1].readOnly", value: "true" }]);
  expect(fixPaths(r.get("Pod/explicit"))).toEqual([{ path: "spec.containers[0].volumeMounts[0].readOnly", value: "true" }]);
  expect(r.get("Pod/ro")?.status).toBe("passed");
  const init = run(control, [pod("init", { volumes, initContainers: [c("i", { volumeMounts: [{ name: "host", mountPath: "/h", readOnly: false }] })], containers: [c("a")] })]);
  expect(fixPaths(init.get("Pod/init"))).toEqual([{ path: "spec.initContainers[0].volumeMounts[0].readOnly", value: "true" }]);
});
