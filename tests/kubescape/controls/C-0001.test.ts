import { expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0001-forbidden-container-registries.ts";
import { DEFAULT_CONTROL_INPUTS } from "../../../src/kubescape/engine/defaultInputs.ts";
import { c, deployment, failedPaths, pod, run } from "./lib/objectFixtures.ts";

test("C-0001: images from listed registries fail (short Docker Hub names normalised); others pass; empty lists pass all", () => {
  const objs = [
    deployment("hub", { containers: [c("a", { image: "nginx:1.25" })] }),
    pod("quay", { containers: [c("a"), c("b", { image: "quay.io/evil/tool@sha256:abc" })] }),
    pod("private", { containers: [c("a", { image: "registry.example.com/app:1" })] }),
  ];
  const inputs = { ...DEFAULT_CONTROL_INPUTS, publicRegistries: ["docker.io/"], untrustedRegistries: ["quay.io/evil"] };
  const r = run(control, objs, inputs);
  expect(failedPaths(r.get("Deployment/hub"))).toEqual(["spec.template.spec.containers[0].image"]);
  expect(failedPaths(r.get("Pod/quay"))).toEqual(["spec.containers[1].image"]);
  expect(r.get("Pod/private")?.status).toBe("passed");
  expect(run(control, objs).get("Deployment/hub")?.status).toBe("passed");
});
