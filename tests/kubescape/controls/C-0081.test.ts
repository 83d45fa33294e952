import { expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0081-cve-2022-24348-argocddirtraversal.ts";
import { c, deployment, failedPaths, run } from "./lib/objectFixtures.ts";

test("C-0081: Argo CD 2.2.3 fails, 2.2.4 and 2.1.9 pass", () => {
  const argo = (name: string, tag: string) => deployment(name, { containers: [c("repo", { image: `quay.io/argoproj/argocd:${tag}` })] });
  const r = run(control, [argo("old", "v2.2.3"), argo("fixed", "v2.2.4"), argo("lts", "v2.1.9")]);
  expect(failedPaths(r.get("Deployment/old"))).toEqual(["spec.template.spec.containers[0].image"]);
  expect(r.get("Deployment/fixed")?.status).toBe("passed");
  expect(r.get("Deployment/lts")?.status).toBe("passed");
});
