import { expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0075-image-pull-policy-on-latest-tag.ts";
import { c, failedPaths, pod, run } from "./lib/objectFixtures.ts";

test("C-0075: latest or untagged images with IfNotPresent/Never fail; Always, pinned tags and unset policy pass", () => {
  const r = run(control, [
    pod("latest", { containers: [c("a", { image: "nginx:latest", imagePullPolicy: "IfNotPresent" })] }),
    pod("untagged", { containers: [c("a", { image: "registry.local:5000/app", imagePullPolicy: "Never" })] }),
    pod("always", { containers: [c("a", { image: "nginx:latest", imagePullPolicy: "Always" })] }),
    pod("pinned", { containers: [c("a", { image: "nginx:1.25.3", imagePullPolicy: "IfNotPresent" })] }),
    pod("unset", { containers: [c("a", { image: "nginx" })] }),
  ]);
  expect(failedPaths(r.get("Pod/latest"))).toEqual(["spec.containers[0].image", "spec.containers[0].imagePullPolicy"]);
  expect(r.get("Pod/untagged")?.status).toBe("failed");
  expect(r.get("Pod/always")?.status).toBe("passed");
  expect(r.get("Pod/pinned")?.status).toBe("passed");
  expect(r.get("Pod/unset")?.status).toBe("passed");
});
