import { expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0058-cve-2021-25741-using-symlink-for-arbitrary-host.ts";
import { c, deployment, failedPaths, obj, run } from "./lib/objectFixtures.ts";

test("C-0058: subPath mounts fail only while a node runs an affected kubelet", () => {
  const node = (v: string) => obj("v1", "Node", `n-${v}`, undefined, { status: { nodeInfo: { kubeletVersion: v } } });
  const wl = deployment("sub", { volumes: [{ name: "v", emptyDir: {} }], containers: [c("a", { volumeMounts: [{ name: "v", mountPath: "/x", subPath: "x" }] })] });
  const plain = deployment("plain", { containers: [c("a")] });
  const affected = run(control, [node("v1.21.3"), wl, plain]);
  expect(failedPaths(affected.get("Deployment/sub"))).toEqual(["spec.template.spec.containers[0].volumeMounts[0].subPath"]);
  expect(affected.get("Deployment/plain")?.status).toBe("passed");
  expect(run(control, [node("v1.21.5"), wl]).get("Deployment/sub")?.status).toBe("passed");
});
