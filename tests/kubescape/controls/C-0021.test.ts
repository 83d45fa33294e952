import { expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0021-exposed-sensitive-interfaces.ts";
import { c, deployment, failedPaths, obj, run } from "./lib/objectFixtures.ts";

test("C-0021: a sensitive UI behind a NodePort fails; ClusterIP passes; other names are not listed", () => {
  const svc = (name: string, type: string, selector: Record<string, string>) => obj("v1", "Service", name, "apps", { spec: { type, selector, ports: [{ port: 80 }] } });
  const r = run(control, [
    deployment("jenkins", { containers: [c("a")] }, { labels: { app: "jenkins" } }),
    deployment("argo-server", { containers: [c("a")] }, { labels: { app: "argo-server" } }),
    deployment("shop", { containers: [c("a")] }, { labels: { app: "shop" } }),
    svc("jenkins", "NodePort", { app: "jenkins" }),
    svc("argo", "ClusterIP", { app: "argo-server" }),
    svc("shop", "NodePort", { app: "shop" }),
  ]);
  expect(r.get("Deployment/jenkins")?.status).toBe("failed");
  expect(r.get("Deployment/jenkins")?.result.related?.map((o) => o.metadata.name)).toEqual(["jenkins"]);
  expect(failedPaths(r.get("Deployment/jenkins"))).toEqual(["spec.selector.matchLabels", "spec.selector"]);
  expect(r.get("Deployment/argo-server")?.status).toBe("passed");
  // workloads not named like a sensitive interface are not relevant
  expect(r.has("Deployment/shop")).toBe(false);
});
