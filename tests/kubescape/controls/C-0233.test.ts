import { describe, expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0233-consider-fargate.ts";
import { run } from "./upperRangeKit.ts";

const node = (name: string) => ({ apiVersion: "v1", kind: "Node", metadata: { name } });
describe("C-0233 Fargate", () => {
  test("fails every node when none is a Fargate node", () => {
    expect([...run(control, [node("ip-1"), node("ip-2")]).failed.keys()].sort()).toEqual(["Node/ip-1", "Node/ip-2"]);
  });
  test("passes when a Fargate node exists", () => {
    expect(run(control, [node("ip-1"), node("fargate-ip-3")]).failed.size).toBe(0);
  });
});
