import { expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0081-cve-2022-24348-argocddirtraversal.ts";
import { c, deployment, failedPaths, run } from "./lib/objectFixtures.ts";

test("C-0081: Argo CD 2.2.3 fails, 2.2.4 and 2.1.9 pass, other images are not listed", () => {
  const argo = (name: string, tag: string) => deployment(name, { containers: [c("redis", { image: "redis:7" }), c("repo", { image: `quay.io/argoproj/argocd:${tag}` })] });
  const r = run(control, [argo("old", "v2.2.3"), argo("fixed", "v2.2.4"), argo("lts", "v2.1.9"), argo("ancient", "v1.8.7"), deployment("web", { containers: [c("a")] })]);
  expect(failedPaths(r.get("Deployment/old"))).toEqual(["spec.template.spec.containers[1].image"]);
  expect(r.get("Deployment/ancient")?.status).toBe("failed");
  expect(r.get("Deployment/fixed")?.status).toBe("passed");
  expect(r.get("Deployment/lts")?.status).toBe("passed");
  expect(r.has("Deployment/web")).toBe(false);
});
