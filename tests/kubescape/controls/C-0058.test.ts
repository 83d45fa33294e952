import { expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0058-cve-2021-25741-using-symlink-for-arbitrary-host.ts";
import { c, deployment, obj, run } from "./lib/objectFixtures.ts";

test("C-0058: subPath mounts fail only while a node runs an affected kubelet", () => {
  const node = (v: string) => obj("v1", "Node", `n-${v}`, undefined, { status: { nodeInfo: { kubeletVersion: v } } });
  const wl = deployment("sub", { volumes: [{ name: "v", emptyDir: {} }], containers: [c("a", { volumeMounts: [{ name: "v", mountPath: "/x", subPathExpr: "$(POD)" }] })] });
  const plain = deployment("plain", { containers: [c("a")] });
  const affected = run(control, [node("v1.21.3"), wl, plain]);
  expect(affected.get("Deployment/sub")?.status).toBe("failed");
  expect(affected.get("Deployment/plain")?.status).toBe("passed");
  expect(run(control, [node("v1.21.5"), wl]).size).toBe(0);
  expect(run(control, [wl]).size).toBe(0);
});
