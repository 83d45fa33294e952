import { expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0059-cve-2021-25742-nginx-ingress-snippet-annotation.ts";
import { c, deployment, failedPaths, obj, run } from "./lib/objectFixtures.ts";

test("C-0059: old controllers fail; patched ones pass only with snippets switched off in their namespace", () => {
  const ctl = (name: string, tag: string, ns: string) =>
    deployment(name, { containers: [c("controller", { image: `registry.k8s.io/ingress-nginx/controller:${tag}` })] }, { namespace: ns });
  const r = run(control, [
    ctl("old", "v0.48.1", "a"),
    ctl("patched-open", "v1.1.0", "b"),
    ctl("patched-closed", "v1.1.0", "c"),
    obj("v1", "ConfigMap", "ingress-nginx-controller", "c", { data: { "allow-snippet-annotations": "false" } }),
    deployment("web", { containers: [c("a", { image: "nginx:1.25.0" })] }),
  ]);
  expect(failedPaths(r.get("Deployment/old"))).toEqual(["spec.template.spec.containers[0].image"]);
  expect(r.get("Deployment/patched-open")?.status).toBe("failed");
  expect(r.get("Deployment/patched-closed")?.status).toBe("passed");
  expect(r.get("Deployment/web")?.status).toBe("passed");
});
