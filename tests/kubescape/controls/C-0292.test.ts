import { describe, expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0292-nginx-ingress-controller-eol.ts";
import { deployment, failedPaths, pod, run } from "./upperRangeKit.ts";

describe("C-0292 ingress-nginx end of life", () => {
  test("fails the community controller image", () => {
    expect(failedPaths(run(control, [deployment("ic", { containers: [{ name: "c", image: "registry.k8s.io/ingress-nginx/controller:v1.11.0" }] })]).failed.get("Deployment/ic"))).toEqual(["spec.template.spec.containers[0].image"]);
  });
  test("passes NGINX Inc images and ignores Pods", () => {
    expect(run(control, [deployment("ic", { containers: [{ name: "c", image: "nginx/nginx-ingress:3.5" }] })]).passed.has("Deployment/ic")).toBe(true);
    const p = run(control, [pod("p", { containers: [{ name: "c", image: "registry.k8s.io/ingress-nginx/controller:v1" }] })]);
    expect(p.failed.size + p.passed.size).toBe(0);
  });
});
