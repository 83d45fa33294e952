import { expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0018-configured-readiness-probe.ts";
import { c, fixPaths, run, workload } from "./lib/objectFixtures.ts";

test("C-0018: a container without readinessProbe gets a fix; one with it passes", () => {
  const r = run(control, [
    workload("StatefulSet", "bad", { containers: [c("a", { readinessProbe: { tcpSocket: { port: 80 } } }), c("b")] }),
    workload("StatefulSet", "good", { containers: [c("a", { readinessProbe: { httpGet: { path: "/", port: 80 } } })] }),
  ]);
  expect(fixPaths(r.get("StatefulSet/bad"))).toEqual([{ path: "spec.template.spec.containers[1].readinessProbe", value: "YOUR_VALUE" }]);
  expect(r.get("StatefulSet/good")?.status).toBe("passed");
});
