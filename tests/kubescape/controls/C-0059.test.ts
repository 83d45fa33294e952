import { expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0059-cve-2021-25742-nginx-ingress-snippet-annotation.ts";
import { c, deployment, failedPaths, obj, run } from "./lib/objectFixtures.ts";

test("C-0059: old controllers fail on the image; newer ones fail unless their namespace switches snippets off", () => {
  const ctl = (name: string, tag: string, ns: string) =>
    deployment(name, { containers: [c("controller", { image: `registry.k8s.io/ingress-nginx/controller:${tag}` })] }, { namespace: ns });
  const r = run(control, [
    ctl("old", "v0.48.1", "a"),
    ctl("one-oh", "v1.0.0", "c"),
    ctl("patched-open", "v1.1.0", "b"),
    ctl("patched-closed", "v1.1.0", "c"),
    obj("v1", "ConfigMap", "ingress-nginx-controller", "c", { data: { "allow-snippet-annotations": "false" } }),
    deployment("web", { containers: [c("a", { image: "nginx:1.25.0" })] }),
  ]);
  expect(failedPaths(r.get("Deployment/old"))).toEqual(["spec.template.spec.containers[0].image", "data['allow-snippet-annotations']"]);
  expect(failedPaths(r.get("Deployment/one-oh"))).toEqual(["spec.template.spec.containers[0].image"]);
  expect(failedPaths(r.get("Deployment/patched-open"))).toEqual(["data['allow-snippet-annotations']"]);
  expect(r.get("Deployment/patched-closed")?.status).toBe("passed");
  expect(r.has("Deployment/web")).toBe(false);
});
