import { expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0090-cve-2022-39328-grafana-auth-bypass.ts";
import { c, deployment, reviewPaths, run } from "./lib/objectFixtures.ts";

test("C-0090: Grafana 9.2.3 (and its -ubuntu image) fails, 9.2.4 and 9.1.8 pass", () => {
  const g = (name: string, tag: string) => deployment(name, { containers: [c("g", { image: `grafana/grafana:${tag}` })] });
  const r = run(control, [g("bad", "9.2.3"), g("ubuntu", "9.2.0-ubuntu"), g("fixed", "9.2.4"), g("older", "9.1.8")]);
  expect(r.get("Deployment/bad")?.status).toBe("failed");
  expect(reviewPaths(r.get("Deployment/bad"))).toEqual(["spec.template.spec.containers[0].image"]);
  expect(r.get("Deployment/ubuntu")?.status).toBe("failed");
  expect(r.get("Deployment/fixed")?.status).toBe("passed");
  expect(r.get("Deployment/older")?.status).toBe("passed");
});
