import { expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0091-cve-2022-47633-kyverno-signature-bypass.ts";
import { c, deployment, pod, run } from "./lib/objectFixtures.ts";

test("C-0091: Kyverno 1.8.4 in a Deployment fails; 1.8.5 passes; Pods are not evaluated", () => {
  const k = (name: string, tag: string) => deployment(name, { containers: [c("k", { image: `ghcr.io/kyverno/kyverno:v${tag}` })] });
  const r = run(control, [k("bad", "1.8.4"), k("fixed", "1.8.5"), pod("p", { containers: [c("k", { image: "ghcr.io/kyverno/kyverno:v1.8.4" })] })]);
  expect(r.get("Deployment/bad")?.status).toBe("failed");
  expect(r.get("Deployment/fixed")?.status).toBe("passed");
  expect(r.has("Pod/p")).toBe(false);
});
