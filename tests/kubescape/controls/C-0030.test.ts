import { expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0030-ingress-and-egress-blocked.ts";
import { c, cronJob, deployment, obj, pod, run } from "./lib/objectFixtures.ts";

test("C-0030: pods need a selecting policy with both Ingress and Egress, in their own namespace", () => {
  const np = (name: string, ns: string, podSelector: object, policyTypes: string[]) =>
    obj("networking.k8s.io/v1", "NetworkPolicy", name, ns, { spec: { podSelector, policyTypes } });
  const r = run(control, [
    np("web-both", "apps", { matchLabels: { app: "web" } }, ["Ingress", "Egress"]),
    np("api-ingress", "apps", { matchLabels: { app: "api" } }, ["Ingress"]),
    np("default-deny", "batch", {}, ["Ingress", "Egress"]),
    np("elsewhere", "other", {}, ["Ingress", "Egress"]),
    deployment("web", { containers: [c("a")] }),
    deployment("api", { containers: [c("a")] }),
    pod("lonely", { containers: [c("a")] }, { labels: { app: "lonely" } }),
    cronJob("job", { containers: [c("a")] }, { namespace: "batch" }),
  ]);
  expect(r.get("Deployment/web")?.status).toBe("passed");
  expect(r.get("Deployment/api")?.status).toBe("failed");
  expect(r.get("Pod/lonely")?.status).toBe("failed");
  expect(r.get("CronJob/job")?.status).toBe("passed");
  expect(r.get("NetworkPolicy/api-ingress")?.status).toBe("passed");
});

test("C-0030: a Cilium policy with ingress and egress rules covers the pods it selects", () => {
  const cnp = (name: string, spec: object) => obj("cilium.io/v2", "CiliumNetworkPolicy", name, "apps", { spec });
  const r = run(control, [
    cnp("both", { endpointSelector: { matchLabels: { "k8s:app": "web" } }, ingress: [{}], egress: [{}] }),
    cnp("ingress-only", { endpointSelector: { matchLabels: { app: "api" } }, ingress: [{}] }),
    deployment("web", { containers: [c("a")] }),
    deployment("api", { containers: [c("a")] }),
  ]);
  expect(r.get("Deployment/web")?.status).toBe("passed");
  expect(r.get("Deployment/api")?.status).toBe("failed");
});
