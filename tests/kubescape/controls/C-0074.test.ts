import { expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0074-container-runtime-socket-mounted.ts";
import { c, deletePaths, deployment, failedPaths, run, workload } from "./lib/objectFixtures.ts";

test("C-0074: a runtime socket hostPath fails with the volume and its mount; other hostPaths pass", () => {
  const r = run(control, [
    workload("DaemonSet", "agent", {
      volumes: [{ name: "sock", hostPath: { path: "/run/containerd/containerd.sock" } }],
      containers: [c("a"), c("b", { volumeMounts: [{ name: "sock", mountPath: "/run/containerd/containerd.sock" }] })],
    }),
    workload("DaemonSet", "logs", { volumes: [{ name: "l", hostPath: { path: "/var/log" } }], containers: [c("a")] }),
  ]);
  const expected = ["spec.template.spec.volumes[0]", "spec.template.spec.containers[1].volumeMounts[0]"];
  expect(failedPaths(r.get("DaemonSet/agent"))).toEqual(expected);
  expect(deletePaths(r.get("DaemonSet/agent"))).toEqual(expected);
  expect(r.get("DaemonSet/logs")?.status).toBe("passed");
  const init = run(control, [
    deployment("init", {
      volumes: [{ name: "sock", hostPath: { path: "/var/run/docker.sock" } }],
      initContainers: [c("i", { volumeMounts: [{ name: "sock", mountPath: "/s" }] })],
      containers: [c("a")],
    }),
  ]);
  expect(failedPaths(init.get("Deployment/init"))).toEqual(["spec.template.spec.volumes[0]", "spec.template.spec.initContainers[0].volumeMounts[0]"]);
});
