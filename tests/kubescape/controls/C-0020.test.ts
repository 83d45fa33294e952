import { expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0020-mount-service-principal.ts";
import { DEFAULT_CONTROL_INPUTS } from "../../../src/kubescape/engine/defaultInputs.ts";
import { c, failedPaths, pod, run } from "./lib/objectFixtures.ts";

test("C-0020: hostPath on a cloud credentials path fails at the volume's hostPath.path; other paths pass", () => {
  const objs = [
    pod("aws", {
      volumes: [{ name: "logs", hostPath: { path: "/var/log" } }, { name: "creds", hostPath: { path: "/.aws/credentials" } }],
      containers: [c("a", { volumeMounts: [{ name: "logs", mountPath: "/l" }, { name: "creds", mountPath: "/root/.aws" }] })],
    }),
    pod("logs", { volumes: [{ name: "logs", hostPath: { path: "/var/log" } }], containers: [c("a")] }),
  ];
  const r = run(control, objs);
  expect(failedPaths(r.get("Pod/aws"))).toEqual(["spec.volumes[1].hostPath.path"]);
  expect(r.get("Pod/logs")?.status).toBe("passed");
  // with the provider known, only its paths count
  expect(run(control, objs, { ...DEFAULT_CONTROL_INPUTS, cloudProvider: ["gke"] }).get("Pod/aws")?.status).toBe("passed");
});
