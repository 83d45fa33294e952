import { describe, expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0152-scheduler-bind-address.ts";
import { cpPod, failedPaths, fixPaths, run } from "./upperRangeKit.ts";

describe("C-0152 scheduler --bind-address", () => {
  test("fails on a public address", () => {
    const paths = run(control, [cpPod("s", "kube-scheduler", ["--bind-address=10.0.0.1"])]).failed.get("Pod/s");
    expect(failedPaths(paths)).toEqual(["spec.containers[0].command[1]"]);
    expect(fixPaths(paths)[0]!.value).toBe("--bind-address=127.0.0.1");
  });
  test("passes on 127.0.0.1", () => {
    expect(run(control, [cpPod("s", "kube-scheduler", ["--bind-address=127.0.0.1"])]).passed.has("Pod/s")).toBe(true);
  });
});
