import { expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0014-access-kubernetes-dashboard.ts";
import { binding, c, cronJob, deletePaths, deployment, failedPaths, role, run, sa, user } from "./lib/objectFixtures.ts";

test("C-0014: others bound to the dashboard role and non-dashboard workloads on its service account fail", () => {
  const r = run(control, [
    role("ClusterRole", "kubernetes-dashboard", [{ apiGroups: [""], resources: ["pods"], verbs: ["get"] }]),
    binding("ClusterRoleBinding", "dash", { kind: "ClusterRole", name: "kubernetes-dashboard" }, [sa("kubernetes-dashboard", "kubernetes-dashboard"), user("mallory")]),
    deployment("kubernetes-dashboard", { serviceAccountName: "kubernetes-dashboard", containers: [c("d")] }),
    cronJob("sneaky", { serviceAccountName: "kubernetes-dashboard", containers: [c("s")] }),
  ]);
  expect(r.get("User/mallory")?.status).toBe("failed");
  expect(failedPaths(r.get("User/mallory"))).toEqual(["relatedObjects[0].subjects[0]", "relatedObjects[0].subjects[1]", "relatedObjects[0].roleRef.name"]);
  expect(r.get("ServiceAccount/kubernetes-dashboard")?.status).toBe("passed");
  expect(r.get("Deployment/kubernetes-dashboard")?.status).toBe("passed");
  expect(r.get("CronJob/sneaky")?.status).toBe("failed");
  expect(deletePaths(r.get("CronJob/sneaky"))).toEqual(["spec.jobTemplate.spec.template.spec.serviceAccountName"]);
});
