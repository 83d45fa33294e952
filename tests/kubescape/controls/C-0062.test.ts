import { expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0062-sudo-in-container-entrypoint.ts";
import { c, failedPaths, run, workload } from "./lib/objectFixtures.ts";

test("C-0062: sudo in a command entry fails at that entry; plain commands pass", () => {
  const r = run(control, [
    workload("Job", "bad", { containers: [c("a", { command: ["/bin/sh", "-c", "sudo ./run.sh"] })] }),
    workload("Job", "good", { containers: [c("a", { command: ["./run.sh"] })] }),
  ]);
  expect(failedPaths(r.get("Job/bad"))).toEqual(["spec.template.spec.containers[0].command[2]"]);
  expect(r.get("Job/good")?.status).toBe("passed");
});
