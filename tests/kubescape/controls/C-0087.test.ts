import { expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0087-cve-2022-23648-containerd-fs-escape.ts";
import { failedPaths, obj, run } from "./lib/objectFixtures.ts";

test("C-0087: nodes on containerd 1.5.9 fail, 1.5.10 and CRI-O pass", () => {
  const node = (name: string, runtime: string) => obj("v1", "Node", name, undefined, { status: { nodeInfo: { containerRuntimeVersion: runtime } } });
  const r = run(control, [node("a", "containerd://1.5.9"), node("b", "containerd://1.5.10"), node("c", "cri-o://1.24.0")]);
  expect(failedPaths(r.get("Node/a"))).toEqual(["status.nodeInfo.containerRuntimeVersion"]);
  expect(r.get("Node/b")?.status).toBe("passed");
  expect(r.get("Node/c")?.status).toBe("passed");
});
